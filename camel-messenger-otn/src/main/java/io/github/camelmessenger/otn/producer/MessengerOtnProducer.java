package io.github.camelmessenger.otn.producer;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import io.github.camelmessenger.MessengerValidationException;
import io.github.camelmessenger.otn.MessengerOtnConstants;
import io.github.camelmessenger.otn.MessengerOtnEndpoint;
import io.github.camelmessenger.otn.broadcast.SingleSendOutcome;
import io.github.camelmessenger.otn.store.ClaimedToken;
import io.github.camelmessenger.otn.store.OtnStore;
import io.github.camelmessenger.otn.store.OtnToken;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The producers of {@code messenger-otn}: store, setAttribute, getAttributes and recordInbound. Synchronous: each is
 * one or two short store calls (JDBC is blocking anyway). Every kind also records CamelMessengerTimestamp, when
 * present, as the contact's last inbound time.
 */
public class MessengerOtnProducer extends DefaultProducer {

    private static final Logger LOG = LoggerFactory.getLogger(MessengerOtnProducer.class);

    public MessengerOtnProducer(MessengerOtnEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public MessengerOtnEndpoint getEndpoint() {
        return (MessengerOtnEndpoint) super.getEndpoint();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        OtnStore store = getEndpoint().store();
        switch (getEndpoint().getKind()) {
            case store -> storeToken(store, message);
            case setAttribute -> setAttribute(store, message);
            case getAttributes -> getAttributes(store, message);
            case recordInbound -> recordInbound(store, message, true);
            case notify -> notifyOne(store, exchange);
            case tokens -> message.setBody(store.validTokens(ContactHeaders.pageId(message),
                    ContactHeaders.psid(message)));
            case revoke -> revoke(store, message);
            default -> throw new IllegalStateException("not a producer: " + getEndpoint().getKind());
        }
    }

    /**
     * Stores the opt-in's token, then removes CamelMessengerOneTimeNotifToken from the exchange: a route that answers
     * the opt-in ({@code to("messenger:sendMessage")}, "Thanks, we'll let you know") would otherwise address that
     * reply to the token and spend it — the one message the user granted for later.
     */
    private void storeToken(OtnStore store, Message message) {
        String token = ContactHeaders.required(message, MessengerOtnConstants.ONE_TIME_NOTIF_TOKEN,
                "required: the token of a one_time_notif_optin event (the webhook consumer sets it)");
        String pageId = ContactHeaders.pageId(message);
        String psid = ContactHeaders.psid(message);
        String payload = message.getHeader(MessengerOtnConstants.OPTIN_PAYLOAD, String.class);
        String topic = topic(message, payload);
        Instant event = ContactHeaders.timestamp(message);
        OtnToken otn = OtnToken.optIn(pageId, psid, topic, token, payload, event != null ? event : now());
        boolean stored = store.storeToken(otn);
        if (stored) {
            getEndpoint().getComponent().meters().otnToken("captured");
        }
        if (event != null) {
            store.recordInbound(pageId, psid, event);
        }
        message.removeHeader(MessengerOtnConstants.ONE_TIME_NOTIF_TOKEN);
        message.setHeader(MessengerOtnConstants.OTN_TOPIC, topic);
        message.setHeader(MessengerOtnConstants.OTN_STORED, stored);
        message.setHeader(MessengerOtnConstants.OTN_EXPIRES_AT, otn.expiresAt());
        if (LOG.isDebugEnabled()) {
            LOG.debug("Token {} of {}/{} for topic {} {}", otn.fingerprint(), pageId, psid, topic,
                    stored ? "stored" : "was stored before");
        }
    }

    /**
     * Claims the user's valid token of the topic for the following {@code messenger:} send; the outcome is recorded
     * when the exchange is done. Without a valid token the exchange says so instead of failing.
     */
    private void notifyOne(OtnStore store, Exchange exchange) {
        Message message = exchange.getMessage();
        String psid = ContactHeaders.required(message, MessengerOtnConstants.RECIPIENT_ID,
                "required: the user's PSID to notify");
        String pageId = ContactHeaders.pageId(message);
        String topic = topic(message, null);
        String owner = getEndpoint().newOwner();
        Optional<ClaimedToken> claimed = store.claimHolder(pageId, psid, topic, owner, getEndpoint().leaseDuration());
        message.setHeader(MessengerOtnConstants.OTN_TOPIC, topic);
        if (claimed.isEmpty()) {
            message.removeHeader(MessengerOtnConstants.ONE_TIME_NOTIF_TOKEN);
            message.setHeader(MessengerOtnConstants.OTN_TOKEN_FOUND, false);
            return;
        }
        ClaimedToken token = claimed.get();
        message.setHeader(MessengerOtnConstants.OTN_TOKEN_FOUND, true);
        message.setHeader(MessengerOtnConstants.ONE_TIME_NOTIF_TOKEN, token.tokenValue());
        message.setHeader(MessengerOtnConstants.OTN_EXPIRES_AT, token.token().expiresAt());
        message.setHeader(MessengerOtnConstants.OTN_ATTRIBUTES, token.attributes());
        SingleSendOutcome.recordWhenDone(exchange, store, token.tokenValue(), owner);
    }

    private void revoke(OtnStore store, Message message) {
        String topic = topic(message, null);
        int revoked = store.revoke(ContactHeaders.pageId(message), ContactHeaders.psid(message), topic);
        message.setHeader(MessengerOtnConstants.OTN_TOPIC, topic);
        message.setHeader(MessengerOtnConstants.OTN_REVOKED, revoked);
    }

    private String topic(Message message, String payload) {
        String topic = message.getHeader(MessengerOtnConstants.OTN_TOPIC, String.class);
        if (topic == null || topic.isBlank()) {
            topic = getEndpoint().getTopic();
        }
        if (topic == null || topic.isBlank()) {
            topic = payload;
        }
        if (topic == null || topic.isBlank()) {
            throw new MessengerValidationException("topic",
                    "required: the topic option, header CamelMessengerOtnTopic or an opt-in payload", topic);
        }
        return topic;
    }

    private void setAttribute(OtnStore store, Message message) {
        String name = message.getHeader(MessengerOtnConstants.OTN_ATTRIBUTE_NAME, String.class);
        if (name == null || name.isBlank()) {
            name = getEndpoint().getName();
        }
        if (name == null || name.isBlank()) {
            throw new MessengerValidationException("name",
                    "required: the name option or header CamelMessengerOtnAttributeName", name);
        }
        String pageId = ContactHeaders.pageId(message);
        String psid = ContactHeaders.psid(message);
        String value = message.getBody(String.class);
        store.setAttribute(pageId, psid, name, value == null || value.isBlank() ? null : value.trim());
        recordInbound(store, message, false);
    }

    private void getAttributes(OtnStore store, Message message) {
        String pageId = ContactHeaders.pageId(message);
        String psid = ContactHeaders.psid(message);
        recordInbound(store, message, false);
        Map<String, String> attributes = store.attributes(pageId, psid);
        message.setHeader(MessengerOtnConstants.OTN_ATTRIBUTES, attributes);
    }

    /** @param explicit recordInbound itself: the event time defaults to now; elsewhere nothing without one */
    private void recordInbound(OtnStore store, Message message, boolean explicit) {
        Instant at = ContactHeaders.timestamp(message);
        if (at == null && !explicit) {
            return;
        }
        store.recordInbound(ContactHeaders.pageId(message), ContactHeaders.psid(message),
                at != null ? at : now());
    }

    private Instant now() {
        return getEndpoint().getComponent().clock().instant();
    }
}
