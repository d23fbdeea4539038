package io.github.camelmessenger.webhook;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Derives hostile bodies from valid deliveries: broken bytes, and well-formed JSON of unexpected shapes. */
final class BodyMutator {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Random random;

    BodyMutator(Random random) {
        this.random = random;
    }

    byte[] mutate(byte[] valid) {
        return switch (random.nextInt(10)) {
            case 0 -> flipBytes(valid);
            case 1 -> truncate(valid);
            case 2 -> insertGarbage(valid);
            case 3 -> new byte[0];
            case 4 -> invalidUtf8(valid);
            case 5 -> deepNesting();
            default -> reshape(valid);
        };
    }

    private byte[] flipBytes(byte[] b) {
        byte[] out = b.clone();
        for (int i = 0, n = 1 + random.nextInt(4); i < n && out.length > 0; i++) {
            out[random.nextInt(out.length)] = (byte) random.nextInt(256);
        }
        return out;
    }

    private byte[] truncate(byte[] b) {
        byte[] out = new byte[random.nextInt(Math.max(1, b.length))];
        System.arraycopy(b, 0, out, 0, out.length);
        return out;
    }

    private byte[] insertGarbage(byte[] b) {
        String s = new String(b, StandardCharsets.UTF_8);
        int at = random.nextInt(s.length() + 1);
        String[] garbage = { "{", "}", "[", "]", ",", ":", "\"", "\\", "\\u00", "null", "1e99999", "-", "\u0000",
                             "\uD83D", "true false", "/*", "NaN" };
        return (s.substring(0, at) + garbage[random.nextInt(garbage.length)] + s.substring(at))
                .getBytes(StandardCharsets.UTF_8);
    }

    private byte[] invalidUtf8(byte[] b) {
        byte[] out = new byte[b.length + 2];
        System.arraycopy(b, 0, out, 0, b.length);
        int at = Math.max(0, b.length / 2);
        System.arraycopy(b, at, out, at + 2, b.length - at);
        out[at] = (byte) 0xC3;
        out[at + 1] = (byte) 0x28;
        return out;
    }

    private byte[] deepNesting() {
        int depth = 500 + random.nextInt(2000);
        String open = random.nextBoolean() ? "[" : "{\"a\":";
        String close = open.equals("[") ? "]" : "}";
        return ("{\"object\":\"page\",\"entry\":" + open.repeat(depth) + "1" + close.repeat(depth) + "}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Valid JSON, but some node replaced by a value of another type or shape. */
    private byte[] reshape(byte[] valid) {
        try {
            JsonNode root = MAPPER.readTree(valid);
            for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
                List<Slot> slots = new ArrayList<>();
                collect(root, slots);
                if (slots.isEmpty()) {
                    break;
                }
                Slot s = slots.get(random.nextInt(slots.size()));
                JsonNode replacement = randomValue(2);
                if (s.parent instanceof ObjectNode o) {
                    if (random.nextInt(5) == 0) {
                        o.remove(s.field);
                    } else {
                        o.set(s.field, replacement);
                    }
                } else if (s.parent instanceof ArrayNode a) {
                    a.set(s.index, replacement);
                }
            }
            return MAPPER.writeValueAsBytes(root);
        } catch (Exception e) {
            return valid;
        }
    }

    private record Slot(JsonNode parent, String field, int index) {
    }

    private static void collect(JsonNode node, List<Slot> slots) {
        if (node instanceof ObjectNode o) {
            Iterator<Map.Entry<String, JsonNode>> it = o.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                slots.add(new Slot(o, e.getKey(), -1));
                collect(e.getValue(), slots);
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                slots.add(new Slot(a, null, i));
                collect(a.get(i), slots);
            }
        }
    }

    private JsonNode randomValue(int depth) {
        switch (random.nextInt(depth > 0 ? 10 : 7)) {
            case 0:
                return NODES.nullNode();
            case 1:
                return NODES.numberNode(random.nextLong());
            case 2:
                return NODES.numberNode(new java.math.BigDecimal("1e" + random.nextInt(400)));
            case 3:
                return NODES.booleanNode(random.nextBoolean());
            case 4:
                return NODES.textNode("");
            case 5:
                return NODES.textNode("x".repeat(random.nextInt(3000)) + "\u00e4\u2764\uFE0F");
            case 6:
                return NODES.textNode("page");
            case 7: {
                ArrayNode a = NODES.arrayNode();
                for (int i = 0, n = random.nextInt(4); i < n; i++) {
                    a.add(randomValue(depth - 1));
                }
                return a;
            }
            default: {
                ObjectNode o = NODES.objectNode();
                String[] names = { "id", "mid", "text", "payload", "message", "postback", "sender", "recipient",
                                   "timestamp", "is_echo", "attachments", "url", "type", "quick_reply", "optin",
                                   "watermark", "mids", "app_roles", "standby", "messaging" };
                for (int i = 0, n = random.nextInt(4); i < n; i++) {
                    o.set(names[random.nextInt(names.length)], randomValue(depth - 1));
                }
                return o;
            }
        }
    }
}
