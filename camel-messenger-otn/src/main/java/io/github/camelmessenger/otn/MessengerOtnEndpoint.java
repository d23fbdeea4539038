package io.github.camelmessenger.otn;

import java.time.Duration;

import io.github.camelmessenger.MessengerValidationException;
import io.github.camelmessenger.otn.broadcast.BroadcastConsumer;
import io.github.camelmessenger.otn.broadcast.LocalTimeWindow;
import io.github.camelmessenger.otn.broadcast.WithoutTokenConsumer;
import io.github.camelmessenger.otn.producer.MessengerOtnProducer;
import io.github.camelmessenger.otn.store.OtnStore;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.MultipleConsumersSupport;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.ScheduledPollEndpoint;

/**
 * Keeps One-Time Notification tokens and contacts (store, setAttribute, getAttributes, recordInbound) and broadcasts
 * to the token holders (broadcast) or lists the contacts without a token (withoutToken); the two consumers are
 * scheduled polling consumers, so Camel's scheduler options apply, Quartz cron included.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "messenger-otn", title = "Facebook Messenger One-Time Notifications",
             syntax = "messenger-otn:kind", category = { Category.CHAT, Category.CLOUD },
             headersClass = MessengerOtnConstants.class)
public class MessengerOtnEndpoint extends ScheduledPollEndpoint implements MultipleConsumersSupport {

    /** Claims and listing pages are limited by the store. */
    static final int MAX_BATCH = OtnStore.MAX_BATCH;

    @UriPath(description = "What the endpoint does: store, setAttribute, getAttributes, recordInbound, notify, tokens "
                           + "or revoke (producers); broadcast or withoutToken (consumers).")
    @Metadata(required = true)
    private OtnKind kind;
    @UriParam(description = "The topic. Required by broadcast and withoutToken. store: the topic of the stored "
                            + "token; header CamelMessengerOtnTopic wins over it, and without both the opt-in payload "
                            + "is the topic. notify, revoke: the topic (or header CamelMessengerOtnTopic).")
    private String topic;
    @UriParam(label = "producer",
              description = "setAttribute: the attribute to set, e.g. email or phone (header "
                            + "CamelMessengerOtnAttributeName wins over it).")
    private String name;
    @UriParam(label = "consumer", defaultValue = "500",
              description = "broadcast: how many tokens one claim takes (1 to 1000); withoutToken: how many contacts "
                            + "one page of the listing holds.")
    private int batchSize = 500;
    @UriParam(label = "consumer", defaultValue = "64",
              description = "The most exchanges of one consumer in flight at once (the route's messenger producer is "
                            + "asynchronous, so sends overlap up to this).")
    private int maxInFlight = 64;
    @UriParam(label = "consumer", defaultValue = "600000", javaType = "java.time.Duration",
              description = "broadcast: how long a claim lasts. A token claimed by a node that dies is claimable "
                            + "again after it; it must exceed the longest send, retries included, or a slow send and "
                            + "a second node may both use the token (the platform then refuses the second).")
    private long lease = 600000;
    @UriParam(label = "consumer", defaultValue = "0", javaType = "java.time.Duration",
              description = "broadcast: holders whose token of the topic was used (consumed or retired) within this "
                            + "time, by any node, are skipped. A holder gets at most one message per poll anyway; "
                            + "set it to the schedule period so that several nodes, or frequent polls, still send "
                            + "one message per holder per occasion.")
    private long cooldown;
    @UriParam(label = "consumer", defaultValue = "2",
              description = "broadcast: the most claimed batches open at once (being claimed, waiting, sent or "
                            + "settled). On PostgreSQL each open batch holds one connection (its claim transaction) "
                            + "for its whole life, so this is the most connections a broadcast takes from a DataSource "
                            + "it shares with the webhook inbox and the conversation state; other databases take a "
                            + "connection only per claim, renewal or write. 1 claims the next batch only after the "
                            + "last one is finished; 2 claims one batch ahead of the sends.")
    private int maxConnections = 2;
    @UriParam(label = "consumer",
              description = "broadcast: a time of day, e.g. 09:00: each holder's exchange is released only while it "
                            + "is between this time and localWindow later in the holder's time zone (contact "
                            + "attribute timezone, as getUserProfile gives it: hours from UTC or a zone id). Holders "
                            + "outside it keep their tokens for a later poll; poll at least once per localWindow.")
    private String localTime;
    @UriParam(label = "consumer", defaultValue = "3600000", javaType = "java.time.Duration",
              description = "broadcast with localTime: how long after localTime a holder is still due (at most "
                            + "PT24H).")
    private long localWindow = 3600000;
    @UriParam(label = "consumer", defaultValue = "UTC",
              description = "broadcast with localTime: the time zone of holders without a usable timezone attribute "
                            + "(a zone id such as Europe/Paris, UTC or +02:00).")
    private String defaultTimeZone = "UTC";

    public MessengerOtnEndpoint(String uri, MessengerOtnComponent component, OtnKind kind) {
        super(uri, component);
        this.kind = kind;
    }

    @Override
    public MessengerOtnComponent getComponent() {
        return (MessengerOtnComponent) super.getComponent();
    }

    /** Options that can be checked before the route starts. */
    void validate() {
        if (!kind.isProducer() && (topic == null || topic.isBlank())) {
            throw new MessengerValidationException("topic", "required by messenger-otn:" + kind, topic);
        }
        if (batchSize < 1 || batchSize > MAX_BATCH) {
            throw new MessengerValidationException("batchSize", "between 1 and " + MAX_BATCH, batchSize);
        }
        if (maxInFlight < 1) {
            throw new MessengerValidationException("maxInFlight", "at least 1", maxInFlight);
        }
        if (lease < 1) {
            throw new MessengerValidationException("lease", "a positive duration", lease);
        }
        if (maxConnections < 1) {
            throw new MessengerValidationException("maxConnections", "at least 1", maxConnections);
        }
        if (cooldown < 0) {
            throw new MessengerValidationException("cooldown", "zero or a positive duration", cooldown);
        }
        localTimeWindow();
    }

    /** The localTime window of a broadcast, or null when it releases every holder at once. */
    public LocalTimeWindow localTimeWindow() {
        return LocalTimeWindow.of(localTime, localWindow, defaultTimeZone);
    }

    @Override
    public Producer createProducer() throws Exception {
        if (!kind.isProducer()) {
            throw new IllegalArgumentException("messenger-otn:" + kind + " is a consumer endpoint; use it in from()");
        }
        return new MessengerOtnProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        Consumer consumer = switch (kind) {
            case broadcast -> new BroadcastConsumer(this, processor);
            case withoutToken -> new WithoutTokenConsumer(this, processor);
            default -> throw new IllegalArgumentException(
                    "messenger-otn:" + kind + " is a producer endpoint; consume from messenger-otn:broadcast or "
                                                          + "messenger-otn:withoutToken");
        };
        configureConsumer(consumer);
        return consumer;
    }

    /**
     * Several routes may consume the same broadcast endpoint: each consumer claims under its own owner, so they share
     * the work and never a token. Two fallback listings of one topic would emit every contact twice.
     */
    @Override
    public boolean isMultipleConsumersSupported() {
        return kind == OtnKind.broadcast;
    }

    /** The component's store, started. */
    public OtnStore store() {
        return getComponent().store();
    }

    /** A claim owner unique to one consumer instance: node name and a UUID. */
    public String newOwner() {
        return getComponent().nodeName() + "/" + java.util.UUID.randomUUID();
    }

    public OtnKind getKind() {
        return kind;
    }

    public void setKind(OtnKind kind) {
        this.kind = kind;
    }

    public String getTopic() {
        return topic;
    }

    public void setTopic(String topic) {
        this.topic = topic;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public int getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }

    public int getMaxInFlight() {
        return maxInFlight;
    }

    public void setMaxInFlight(int maxInFlight) {
        this.maxInFlight = maxInFlight;
    }

    public int getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    public long getLease() {
        return lease;
    }

    public void setLease(long lease) {
        this.lease = lease;
    }

    /** The lease as a Duration. */
    public Duration leaseDuration() {
        return Duration.ofMillis(lease);
    }

    public String getLocalTime() {
        return localTime;
    }

    public void setLocalTime(String localTime) {
        this.localTime = localTime;
    }

    public long getLocalWindow() {
        return localWindow;
    }

    public void setLocalWindow(long localWindow) {
        this.localWindow = localWindow;
    }

    public String getDefaultTimeZone() {
        return defaultTimeZone;
    }

    public void setDefaultTimeZone(String defaultTimeZone) {
        this.defaultTimeZone = defaultTimeZone;
    }

    public long getCooldown() {
        return cooldown;
    }

    public void setCooldown(long cooldown) {
        this.cooldown = cooldown;
    }
}
