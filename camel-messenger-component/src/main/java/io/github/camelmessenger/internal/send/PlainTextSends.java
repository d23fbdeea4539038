package io.github.camelmessenger.internal.send;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelmessenger.MessengerConfiguration;
import io.github.camelmessenger.MessengerConstants;
import io.github.camelmessenger.MessengerOperation;
import io.github.camelmessenger.internal.graph.GraphRequest;
import io.github.camelmessenger.internal.graph.RateClass;
import io.github.camelmessenger.internal.validation.SendApiValidator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultExchange;

/**
 * The most frequent sends — {@code sendMessage} of a plain text to a PSID or to a one-time notification token (a
 * broadcast), everything else from the endpoint's options — without building and walking a JSON tree per message.
 * The endpoint's requests are built once by the general path with placeholders, validated, and split around them;
 * each message then only checks its text and writes the two values into the template. An exchange that carries any
 * other messenger header, a structured body, or a Page id with a PSID recipient (the window check reads state) takes
 * the general path.
 */
final class PlainTextSends {

    private static final String RECIPIENT_MARK = "@@camel-messenger-recipient@@";
    private static final String TEXT_MARK = "@@camel-messenger-text@@";

    /** The request split around its two values: the recipient (PSID or token) and the text. */
    private record Template(byte[] head, byte[] middle, byte[] tail, boolean recipientFirst) {
    }

    /** To a PSID: {@code recipient.id}. */
    private final Template toPsid;
    /** To a one-time notification token: {@code recipient.one_time_notif_token}, no messaging type of its own. */
    private final Template toToken;
    private final PageTokens pageTokens;
    private final String token;
    private final String appSecret;

    private PlainTextSends(Template toPsid, Template toToken, PageTokens pageTokens, String token, String appSecret) {
        this.toPsid = toPsid;
        this.toToken = toToken;
        this.pageTokens = pageTokens;
        this.token = token;
        this.appSecret = appSecret;
    }

    /**
     * The templates of an endpoint, or null when its options leave nothing to gain or need per-exchange work (a Page
     * id, whose window check reads state; no token at hand).
     */
    static PlainTextSends of(MessengerConfiguration configuration, OutboundCalls general, PageTokens pageTokens,
                             CamelContext context) {
        if (configuration.getPageId() != null || configuration.getPageAccessToken() == null) {
            return null;
        }
        Template toPsid = template(configuration, general, context, MessengerConstants.RECIPIENT_ID);
        Template toToken = template(configuration, general, context, MessengerConstants.ONE_TIME_NOTIF_TOKEN);
        if (toPsid == null) {
            return null;
        }
        return new PlainTextSends(toPsid, toToken, pageTokens, configuration.getPageAccessToken(),
                configuration.getAppSecret());
    }

    private static Template template(MessengerConfiguration configuration, OutboundCalls general,
                                     CamelContext context, String recipientHeader) {
        Exchange probe = new DefaultExchange(context);
        probe.getMessage().setHeader(recipientHeader, RECIPIENT_MARK);
        probe.getMessage().setBody(TEXT_MARK);
        ObjectNode request;
        try {
            request = general.messageRequest(MessengerOperation.sendMessage, probe,
                    new ExchangeSettings(probe, configuration));
            SendApiValidator.validate(request);
        } catch (RuntimeException e) {
            // the options themselves are wrong: let the general path report it on every exchange
            return null;
        }
        String json = request.toString();
        String recipient = '"' + RECIPIENT_MARK + '"';
        String text = '"' + TEXT_MARK + '"';
        int r = json.indexOf(recipient);
        int t = json.indexOf(text);
        if (r < 0 || t < 0 || json.indexOf(recipient, r + 1) >= 0 || json.indexOf(text, t + 1) >= 0) {
            return null;
        }
        boolean recipientFirst = r < t;
        int first = Math.min(r, t);
        int second = Math.max(r, t);
        int firstEnd = first + (recipientFirst ? recipient : text).length();
        int secondEnd = second + (recipientFirst ? text : recipient).length();
        return new Template(bytes(json.substring(0, first)), bytes(json.substring(firstEnd, second)),
                bytes(json.substring(secondEnd)), recipientFirst);
    }

    /** @return the call, or null when the exchange needs the general path */
    PreparedCall tryPrepare(Exchange exchange) {
        if (!(exchange.getMessage().getBody() instanceof String text) || startsLikeJson(text)) {
            return null;
        }
        String psid = null;
        String otnToken = null;
        String pageId = null;
        for (Map.Entry<String, Object> header : exchange.getMessage().getHeaders().entrySet()) {
            String name = header.getKey();
            if (!name.regionMatches(true, 0, "CamelMessenger", 0, 14)) {
                continue;
            }
            if (name.equalsIgnoreCase(MessengerConstants.RECIPIENT_ID)) {
                psid = value(header.getValue());
            } else if (name.equalsIgnoreCase(MessengerConstants.SENDER_ID)) {
                if (psid == null) {
                    psid = value(header.getValue());
                }
            } else if (name.equalsIgnoreCase(MessengerConstants.ONE_TIME_NOTIF_TOKEN)) {
                otnToken = value(header.getValue());
            } else if (name.equalsIgnoreCase(MessengerConstants.PAGE_ID)) {
                pageId = value(header.getValue());
            } else if (!informational(name)) {
                return null;
            }
        }
        if (otnToken != null) {
            return toToken == null ? null : toToken(exchange, text, otnToken, pageId);
        }
        if (psid == null || pageId != null) {
            // no recipient: the general path explains what is missing; a Page id: the window check reads state
            return null;
        }
        SendApiValidator.validateText(text);
        return new PreparedCall(GraphRequest.postJson("me/messages", body(toPsid, psid, text), token, appSecret,
                "me", RateClass.STANDARD));
    }

    /** A token recipient has no window to check, so the Page only chooses the path and the access token. */
    private PreparedCall toToken(Exchange exchange, String text, String otnToken, String pageId) {
        SendApiValidator.validateText(text);
        OneTimeNotifTokens.checkUnused(exchange, otnToken);
        String page = pageId != null ? pageId : "me";
        String accessToken = pageId != null ? pageTokens.tokenFor(pageId) : token;
        return new PreparedCall(GraphRequest.postJson(page + "/messages", body(toToken, otnToken, text), accessToken,
                appSecret, page, RateClass.STANDARD), otnToken);
    }

    /**
     * Headers of the one-time notification module and of inbound events that no {@code sendMessage} reads: an
     * exchange that carries them still takes this path.
     */
    private static boolean informational(String name) {
        return name.regionMatches(true, 0, "CamelMessengerOtn", 0, 17)
               || name.equalsIgnoreCase(MessengerConstants.OPTIN_PAYLOAD);
    }

    private static byte[] body(Template template, String recipient, String text) {
        String first = template.recipientFirst() ? recipient : text;
        String second = template.recipientFirst() ? text : recipient;
        byte[] head = template.head();
        byte[] middle = template.middle();
        byte[] tail = template.tail();
        // the usual case, ASCII that needs no escaping, is written straight into the body in one pass per value
        byte[] body = new byte[head.length + middle.length + tail.length + first.length() + second.length() + 4];
        int at = copy(head, body, 0);
        at = writePlain(first, body, at);
        if (at >= 0) {
            at = copy(middle, body, at);
            at = writePlain(second, body, at);
        }
        if (at >= 0) {
            copy(tail, body, at);
            return body;
        }
        byte[] quotedFirst = quoted(first);
        byte[] quotedSecond = quoted(second);
        body = new byte[head.length + middle.length + tail.length + quotedFirst.length + quotedSecond.length];
        at = copy(head, body, 0);
        at = copy(quotedFirst, body, at);
        at = copy(middle, body, at);
        at = copy(quotedSecond, body, at);
        copy(tail, body, at);
        return body;
    }

    /**
     * Writes a value quoted, as Jackson would, and returns the index after it; or returns -1, having written part of
     * it, unless it is printable ASCII without a quote or a backslash (what Jackson would escape or encode).
     */
    private static int writePlain(String value, byte[] to, int at) {
        to[at++] = '"';
        for (int i = 0, n = value.length(); i < n; i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\') {
                return -1;
            }
            to[at++] = (byte) c;
        }
        to[at++] = '"';
        return at;
    }

    private static boolean startsLikeJson(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                return c == '{';
            }
        }
        return false;
    }

    private static String value(Object header) {
        if (header == null) {
            return null;
        }
        String s = header.toString();
        return s.isEmpty() ? null : s;
    }

    private static byte[] quoted(String value) {
        byte[] escaped = JsonStringEncoder.getInstance().quoteAsUTF8(value);
        byte[] quoted = new byte[escaped.length + 2];
        quoted[0] = '"';
        System.arraycopy(escaped, 0, quoted, 1, escaped.length);
        quoted[quoted.length - 1] = '"';
        return quoted;
    }

    private static int copy(byte[] from, byte[] to, int at) {
        System.arraycopy(from, 0, to, at, from.length);
        return at + from.length;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
