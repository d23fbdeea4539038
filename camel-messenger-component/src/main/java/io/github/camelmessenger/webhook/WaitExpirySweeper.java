package io.github.camelmessenger.webhook;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelmessenger.MessengerConstants;
import io.github.camelmessenger.model.event.MessengerEvent;
import io.github.camelmessenger.model.event.MessengerEventType;
import io.github.camelmessenger.model.event.WaitExpired;
import io.github.camelmessenger.state.ConversationStateRepository;
import io.github.camelmessenger.state.Wait;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns waits nobody answered into one {@code wait_expired} exchange each. The repository hands each expired wait to
 * exactly one claimer, so with several nodes each expiry still fires once; a wait whose exchange fails is put back
 * for the next sweep.
 */
final class WaitExpirySweeper {

    private static final Logger LOG = LoggerFactory.getLogger(WaitExpirySweeper.class);
    private static final int BATCH = 100;

    private final MessengerWebhookConsumer consumer;
    private final ConversationStateRepository repository;
    private final ObjectMapper mapper;
    private final Clock clock;

    WaitExpirySweeper(MessengerWebhookConsumer consumer, ConversationStateRepository repository, ObjectMapper mapper,
                      Clock clock) {
        this.consumer = consumer;
        this.repository = repository;
        this.mapper = mapper;
        this.clock = clock;
    }

    void schedule(ScheduledExecutorService scheduler, long intervalMillis) {
        scheduler.scheduleWithFixedDelay(this::sweep, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }

    void sweep() {
        try {
            List<Wait> expired;
            do {
                expired = repository.claimExpiredForRoute(clock.instant(), BATCH);
                for (Wait wait : expired) {
                    fire(wait);
                }
            } while (expired.size() == BATCH && consumer.isRunAllowed());
        } catch (RuntimeException e) {
            LOG.warn("Sweeping expired waits failed (retried at the next sweep): {}", e.getMessage());
        }
    }

    private void fire(Wait wait) {
        consumer.meters().waits("expired");
        Exchange exchange = consumer.createExchange(false);
        try {
            MessengerEvent event = event(wait);
            exchange.getIn().setBody(event);
            EventHeaders.apply(event, exchange.getIn());
            exchange.getIn().setHeader(MessengerConstants.WAIT_STEP, wait.step());
            consumer.getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        if (exchange.getException() != null || exchange.isRollbackOnly()) {
            LOG.warn("The wait_expired exchange for step {} failed; it fires again at the next sweep", wait.step(),
                    exchange.getException());
            ConversationTracker.restore(repository, wait);
        } else {
            ConversationTracker.confirm(repository, wait);
        }
        consumer.releaseExchange(exchange, false);
    }

    private MessengerEvent event(Wait wait) {
        ObjectNode raw = mapper.createObjectNode();
        raw.putObject("sender").put("id", wait.psid());
        raw.putObject("recipient").put("id", wait.pageId());
        raw.put("timestamp", wait.expiresAt().toEpochMilli());
        ObjectNode w = raw.putObject("wait");
        w.put("step", wait.step());
        w.put("createdAt", wait.createdAt().toEpochMilli());
        w.put("expiresAt", wait.expiresAt().toEpochMilli());
        return MessengerEvent.builder().type(MessengerEventType.WAIT_EXPIRED).pageId(wait.pageId())
                .senderId(wait.psid()).recipientId(wait.pageId()).timestamp(wait.expiresAt().toEpochMilli())
                .payload(new WaitExpired(wait.step(), wait.createdAt().toEpochMilli(),
                        wait.expiresAt().toEpochMilli()))
                .raw(raw).build();
    }
}
