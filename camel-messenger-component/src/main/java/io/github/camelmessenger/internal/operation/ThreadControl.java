package io.github.camelmessenger.internal.operation;

import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelmessenger.MessengerConstants;
import io.github.camelmessenger.MessengerOperation;
import io.github.camelmessenger.MessengerValidationException;
import io.github.camelmessenger.internal.graph.GraphRequest;
import io.github.camelmessenger.internal.graph.RateClass;
import io.github.camelmessenger.internal.send.Durations;
import io.github.camelmessenger.internal.send.ExchangeSettings;
import io.github.camelmessenger.internal.send.Json;
import io.github.camelmessenger.internal.send.OutboundExchange;
import io.github.camelmessenger.internal.send.PreparedCall;
import io.github.camelmessenger.internal.send.RequestDefaults;
import io.github.camelmessenger.internal.validation.PlatformLimits;
import io.github.camelmessenger.internal.validation.ThreadControlValidator;

/**
 * The conversation routing (formerly handover protocol) calls: who controls a conversation, and passing, taking,
 * requesting, releasing and extending that control.
 */
public final class ThreadControl {

    private ThreadControl() {
    }

    /**
     * {@code sendToInbox}, {@code giveThreadControl}, {@code takeThreadControl}, {@code requestThreadControl},
     * {@code releaseThreadControl}, {@code extendThreadControl} and {@code getThreadOwner}.
     */
    public static PreparedCall call(MessengerOperation operation, OutboundExchange send) {
        return new PreparedCall(request(operation, send.settings(), send.page(), send.token(), send.appSecret()));
    }

    private static GraphRequest request(MessengerOperation operation, ExchangeSettings settings, String page,
                                        String token, String appSecret) {
        String psid = RequestDefaults.recipient(settings).get("id").asText();
        if (operation == MessengerOperation.getThreadOwner) {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("recipient", psid);
            return GraphRequest.get(page + "/thread_owner", query, token, appSecret, page);
        }
        ObjectNode body = Json.NODES.objectNode();
        body.putObject("recipient").put("id", psid);
        String edge = switch (operation) {
            case sendToInbox -> {
                putAppId(body, PlatformLimits.PAGE_INBOX_APP_ID);
                yield "pass_thread_control";
            }
            case giveThreadControl -> {
                String target = settings.get(MessengerConstants.TARGET_APP_ID, settings.options.getTargetAppId());
                if (target != null) {
                    putAppId(body, target);
                }
                yield "pass_thread_control";
            }
            case takeThreadControl -> "take_thread_control";
            case requestThreadControl -> "request_thread_control";
            case releaseThreadControl -> "release_thread_control";
            case extendThreadControl -> {
                body.put("duration", durationSeconds(settings));
                yield "extend_thread_control";
            }
            default -> throw new IllegalStateException(operation + " is not a thread control call");
        };
        if (operation != MessengerOperation.extendThreadControl) {
            String metadata = settings.get(MessengerConstants.METADATA, settings.options.getMetadata());
            if (metadata != null) {
                body.put("metadata", metadata);
            }
        }
        ThreadControlValidator.validate(edge, body);
        return GraphRequest.postJson(page + "/" + edge, body.toString().getBytes(StandardCharsets.UTF_8), token,
                appSecret, page, RateClass.NONE);
    }

    /** App ids are numbers in the platform's examples; an id that is not one is sent as given. */
    private static void putAppId(ObjectNode body, String appId) {
        try {
            body.put("target_app_id", Long.parseLong(appId.strip()));
        } catch (NumberFormatException e) {
            body.put("target_app_id", appId.strip());
        }
    }

    private static long durationSeconds(ExchangeSettings settings) {
        Object header = settings.exchange().getMessage().getHeader(MessengerConstants.DURATION);
        if (header == null) {
            long millis = settings.options.getDuration();
            if (millis <= 0) {
                throw new MessengerValidationException("duration",
                        "extendThreadControl needs a duration (option duration or header CamelMessengerDuration), "
                                                                   + "up to 7 days",
                        null);
            }
            return Math.max(1, millis / 1000);
        }
        return Durations.parse("duration", header, ChronoUnit.SECONDS).toSeconds();
    }
}
