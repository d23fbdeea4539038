package io.github.camelmessenger.otn.broadcast;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import io.github.camelmessenger.otn.MessengerOtnConstants;
import io.github.camelmessenger.otn.MessengerOtnEndpoint;
import io.github.camelmessenger.otn.store.Contact;
import io.github.camelmessenger.otn.store.ContactKey;
import io.github.camelmessenger.otn.store.OtnStore;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.support.ScheduledPollConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code from("messenger-otn:withoutToken?topic=...")}: each poll walks the whole list of contacts that hold no valid
 * token of the topic, page by page ({@code batchSize} contacts per store call, in contact order), and emits one
 * exchange per contact, up to {@code maxInFlight} at once — the audience of an e-mail/SMS fallback. Every poll
 * starts again from the first contact: run it once per occasion ({@code repeatCount=1}, or a Quartz cron), and
 * before the Messenger broadcast of the same occasion, which turns holders into non-holders as it uses their tokens.
 */
public class WithoutTokenConsumer extends ScheduledPollConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(WithoutTokenConsumer.class);

    private final MessengerOtnEndpoint endpoint;
    private final InFlight inFlight;
    private final ReentrantLock polling = new ReentrantLock();

    public WithoutTokenConsumer(MessengerOtnEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.inFlight = new InFlight(endpoint.getMaxInFlight());
    }

    @Override
    protected void doStart() throws Exception {
        endpoint.store();
        super.doStart();
        Object scheduler = endpoint.getScheduler();
        if (endpoint.getRepeatCount() == 0 && (scheduler == null || "none".equals(scheduler))) {
            LOG.warn("messenger-otn:withoutToken?topic={} lists every contact without a token on EVERY poll (each {} "
                     + "ms): set repeatCount=1, or scheduler=quartz with a scheduler.cron, unless that is meant",
                    endpoint.getTopic(), endpoint.getDelay());
        }
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        if (polling.tryLock(30, TimeUnit.SECONDS)) {
            polling.unlock();
        }
    }

    @Override
    protected int poll() throws Exception {
        polling.lock();
        try {
            return walk();
        } finally {
            polling.unlock();
        }
    }

    private int walk() {
        OtnStore store = endpoint.store();
        int count = 0;
        ContactKey after = null;
        try {
            while (mayContinue()) {
                List<Contact> page = store.contactsWithoutValidToken(endpoint.getTopic(), after,
                        endpoint.getBatchSize());
                for (Contact contact : page) {
                    if (!mayContinue() || !inFlight.enter()) {
                        return count;
                    }
                    emit(contact);
                    count++;
                }
                if (page.size() < endpoint.getBatchSize()) {
                    break;
                }
                after = page.get(page.size() - 1).key();
            }
            return count;
        } finally {
            inFlight.awaitIdle(60_000);
            if (count > 0) {
                LOG.info("Fallback listing of topic {}: {} contact(s) without a token", endpoint.getTopic(), count);
            }
        }
    }

    private boolean mayContinue() {
        return isRunAllowed() && !isSuspendingOrSuspended() && !Thread.currentThread().isInterrupted();
    }

    private void emit(Contact contact) {
        Exchange exchange = createExchange(false);
        Message message = exchange.getMessage();
        message.setHeader(MessengerOtnConstants.RECIPIENT_ID, contact.psid());
        message.setHeader(MessengerOtnConstants.PAGE_ID, contact.pageId());
        message.setHeader(MessengerOtnConstants.OTN_TOPIC, endpoint.getTopic());
        message.setHeader(MessengerOtnConstants.OTN_ATTRIBUTES, contact.attributes());
        if (contact.lastInbound() != null) {
            message.setHeader(MessengerOtnConstants.OTN_LAST_INBOUND, contact.lastInbound());
        }
        getAsyncProcessor().process(exchange, doneSync -> {
            if (exchange.getException() != null) {
                getExceptionHandler().handleException("Error processing the fallback exchange of contact "
                                                      + contact.pageId() + "/" + contact.psid(),
                        exchange, exchange.getException());
            }
            releaseExchange(exchange, false);
            inFlight.leave();
        });
    }
}
