package io.github.camelmessenger.otn.broadcast;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import io.github.camelmessenger.otn.MessengerOtnConstants;
import io.github.camelmessenger.otn.MessengerOtnEndpoint;
import io.github.camelmessenger.otn.store.ClaimedToken;
import io.github.camelmessenger.otn.store.OtnStore;
import io.github.camelmessenger.otn.store.TokenBatch;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.support.SynchronizationAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code from("messenger-otn:broadcast?topic=...")}: each poll is one broadcast run. It claims the topic's valid
 * tokens in batches ({@link OtnStore#claimBatch}) and emits one exchange per holder, up to {@code maxInFlight} at
 * once; when every token of a batch has its outcome ({@link OutcomeClassifier}: consumed, retired, or unsent), the
 * batch is finished in the store. A holder gets at most one message per run: the store hands out one token per holder
 * and skips holders whose token was used since the run began (or within {@code cooldown}).
 * <p>
 * Unsent tokens (transient failures) are not retried by the same run: each claim of a run starts after the last token
 * the run claimed, and a store whose claims are leases keeps them claimed until the run ends. The next poll tries
 * them again. A run ends early when the sender itself is refused (see {@link OutcomeClassifier}) or when a stretch of
 * sends in a row failed transiently (the Graph API is down), and when the consumer stops: tokens claimed but not yet
 * emitted are then handed back at once.
 * <p>
 * Throughput: batches are claimed ahead of the sends, on their own threads, and finished by a settler thread
 * ({@link Settler}); the polling thread only builds and starts exchanges. At most {@code maxConnections} batches are
 * open at a time (claimed and not yet finished), which bounds the tokens in memory and the database connections held.
 */
public class BroadcastConsumer extends ScheduledPollConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(BroadcastConsumer.class);

    /**
     * Claims running ahead of the sends, at most. Two overlap the database round trips (PostgreSQL's SKIP LOCKED lets
     * them run side by side; on H2 they take turns). Fewer when {@code maxConnections} leaves no room for them.
     */
    private static final int MAX_CLAIMS_AHEAD = 2;

    /** Consecutive transient failures that end a run at the least. */
    private static final int MIN_FAILURE_STREAK = 10;

    private final MessengerOtnEndpoint endpoint;
    private final String owner;
    private final InFlight inFlight;
    private final ReentrantLock polling = new ReentrantLock();
    private ExecutorService settlerThread;
    private ExecutorService claimer;
    private ScheduledExecutorService renewerThread;
    private LeaseRenewer renewer;
    private Settler settler;
    /** Claimed batches not finished yet, the ones being claimed included: {@code maxConnections}. */
    private final Semaphore openBatches;
    private final int claimsAhead;
    private final Set<OpenBatch> open = ConcurrentHashMap.newKeySet();

    private final AtomicLong emitted = new AtomicLong();
    private final TokenOutcomes outcomes;
    /** broadcast?localTime=: who is due now; null releases every holder. */
    private final LocalTimeWindow window;

    public BroadcastConsumer(MessengerOtnEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.owner = endpoint.newOwner();
        this.inFlight = new InFlight(endpoint.getMaxInFlight());
        this.openBatches = new Semaphore(endpoint.getMaxConnections());
        // one open batch is the one being sent; the others may be claimed ahead
        this.claimsAhead = Math.max(1, Math.min(MAX_CLAIMS_AHEAD, endpoint.getMaxConnections() - 1));
        this.outcomes = new TokenOutcomes(endpoint.getComponent());
        this.window = endpoint.localTimeWindow();
    }

    @Override
    protected void doStart() throws Exception {
        settlerThread = getEndpoint().getCamelContext().getExecutorServiceManager()
                .newSingleThreadExecutor(this, "messenger-otn-settler-" + endpoint.getTopic());
        settler = new Settler(endpoint.store(), owner, settlerThread, this::finished, endpoint.getLease());
        renewer = new LeaseRenewer(endpoint.leaseDuration());
        renewerThread = getEndpoint().getCamelContext().getExecutorServiceManager()
                .newSingleThreadScheduledExecutor(this, "messenger-otn-renewer-" + endpoint.getTopic());
        renewer.start(renewerThread);
        claimer = getEndpoint().getCamelContext().getExecutorServiceManager()
                .newFixedThreadPool(this, "messenger-otn-claimer-" + endpoint.getTopic(), claimsAhead);
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        // the scheduler interrupts a running poll: let it release, wait for its sends and settle them
        boolean idle = polling.tryLock(Math.min(endpoint.getLease(), 30_000), TimeUnit.MILLISECONDS);
        try {
            if (settler != null) {
                settler.flush(10_000);
                int forced = 0;
                for (OpenBatch batch : List.copyOf(open)) {
                    forced += batch.forceSettled() ? 1 : 0;
                }
                if (forced > 0) {
                    LOG.warn("Stopping with {} batch(es) of topic {} still sending: finished with the outcomes known "
                             + "now, the rest are unsent", forced, endpoint.getTopic());
                    settler.flush(10_000);
                }
                if (settler.pending() > 0) {
                    LOG.warn("Stopping with {} token outcome(s) not written to the store: their claims lapse after the "
                             + "lease", settler.pending());
                }
            }
        } finally {
            if (idle) {
                polling.unlock();
            }
            if (settlerThread != null) {
                getEndpoint().getCamelContext().getExecutorServiceManager().shutdown(settlerThread);
                settlerThread = null;
            }
            if (renewerThread != null) {
                // after the settler: claims are kept until the outcomes are written
                renewer.stop();
                getEndpoint().getCamelContext().getExecutorServiceManager().shutdown(renewerThread);
                renewerThread = null;
            }
            if (claimer != null) {
                getEndpoint().getCamelContext().getExecutorServiceManager().shutdown(claimer);
                claimer = null;
            }
        }
    }

    @Override
    protected int poll() throws Exception {
        polling.lock();
        try {
            return broadcast();
        } finally {
            polling.unlock();
        }
    }

    private int broadcast() {
        OtnStore store = endpoint.store();
        long started = System.nanoTime();
        Instant runStart = endpoint.getComponent().clock().instant();
        BroadcastRun run = new BroadcastRun(endpoint.getTopic(),
                Math.max(MIN_FAILURE_STREAK, endpoint.getMaxInFlight()));
        Instant handledSince = endpoint.getCooldown() > 0 ? runStart.minusMillis(endpoint.getCooldown()) : runStart;
        long consumedBefore = outcomes.consumed.get();
        long retiredBefore = outcomes.retired.get();
        long releasedBefore = outcomes.released.get();
        int count = 0;
        ClaimedToken cursor = null;
        // the next batches are claimed while this one is sent: the sends need not wait for the database
        Deque<Future<TokenBatch>> pending = new ArrayDeque<>();
        for (int k = 0; k < claimsAhead && openBatch(run); k++) {
            pending.add(claimAfter(store, handledSince, null));
        }
        boolean exhausted = false;
        try {
            while (!pending.isEmpty()) {
                TokenBatch claimed;
                try {
                    claimed = ClaimFutures.await(pending.poll());
                } catch (RuntimeException failedClaim) {
                    openBatches.release();
                    throw failedClaim;
                }
                List<ClaimedToken> tokens = claimed.tokens();
                if (tokens.isEmpty()) {
                    openBatches.release();
                    exhausted = true; // the claims still pending may yet return tokens: they are used
                    continue;
                }
                ClaimedToken last = tokens.get(tokens.size() - 1);
                cursor = cursor == null || ClaimedToken.CLAIM_ORDER.compare(last, cursor) > 0 ? last : cursor;
                OpenBatch batch = opened(claimed, run);
                int i = 0;
                while (i < tokens.size() && mayContinue(run) && renewer.holds(claimed)) {
                    ClaimedToken next = tokens.get(i);
                    if (window != null && !window.due(next.attributes(), endpoint.getComponent().clock().instant())) {
                        i++;
                        outcomes.notDue(next.tokenValue(), batch);
                        continue;
                    }
                    if (!inFlight.enter()) {
                        break;
                    }
                    i++;
                    emit(next, run, batch);
                    count++;
                }
                for (; i < tokens.size(); i++) {
                    batch.unsent(tokens.get(i).tokenValue()); // claimed, never emitted: back to the pool
                }
                // claim ahead again; wait for a batch to be finished only when no claimed batch is waiting to be sent
                while (!exhausted && pending.size() < claimsAhead && mayContinue(run)
                       && (pending.isEmpty() ? openBatch(run) : openBatches.tryAcquire())) {
                    pending.add(claimAfter(store, handledSince, cursor));
                }
            }
        } finally {
            for (Future<TokenBatch> unused; (unused = pending.poll()) != null;) {
                TokenBatch inVain = ClaimFutures.claimedInVain(unused);
                if (inVain == null || inVain.tokens().isEmpty()) {
                    openBatches.release();
                } else {
                    OpenBatch batch = opened(inVain, run);
                    inVain.tokens().forEach(t -> batch.unsent(t.tokenValue()));
                }
            }
            if (!inFlight.awaitIdle(endpoint.getLease())) {
                LOG.warn("Broadcast of topic {}: {} exchange(s) still in flight after the lease", endpoint.getTopic(),
                        inFlight.inFlight());
            }
            settler.flush(30_000); // the run's batches are finished: what their owner still holds is deferred
            settler.release(run.close());
            settler.flush(30_000);
        }
        if (count > 0) {
            LOG.info("Broadcast of topic {}: {} exchange(s), {} token(s) consumed, {} retired, {} released in {} ms{}",
                    endpoint.getTopic(), count, outcomes.consumed.get() - consumedBefore,
                    outcomes.retired.get() - retiredBefore, outcomes.released.get() - releasedBefore,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
                    run.endedBy() == null ? "" : " (" + run.endedBy() + ")");
        }
        return count;
    }

    private Future<TokenBatch> claimAfter(OtnStore store, Instant handledSince, ClaimedToken after) {
        Callable<TokenBatch> claim = () -> {
            TokenBatch batch = store.claimBatch(endpoint.getTopic(), handledSince, after, endpoint.getBatchSize(), owner,
                    endpoint.leaseDuration());
            renewer.track(batch); // the claim lasts while the batch waits its turn, not only while it is sent
            return batch;
        };
        try {
            return claimer.submit(claim);
        } catch (RuntimeException rejected) {
            openBatches.release();
            throw rejected;
        }
    }

    /** Takes a slot for one more open batch; waits while the run may go on. */
    private boolean openBatch(BroadcastRun run) {
        try {
            while (!openBatches.tryAcquire(200, TimeUnit.MILLISECONDS)) {
                if (!mayContinue(run)) {
                    return false;
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private OpenBatch opened(TokenBatch claimed, BroadcastRun run) {
        OpenBatch batch = new OpenBatch(claimed, settler::finish, held -> stillHeld(held, run));
        open.add(batch);
        return batch;
    }

    /** Unsent tokens a finished batch still holds (lease claims): released when their run ends, not before. */
    private void stillHeld(List<String> tokens, BroadcastRun run) {
        List<String> now = new java.util.ArrayList<>();
        for (String token : tokens) {
            if (!run.defer(token)) {
                now.add(token); // its run is over
            }
        }
        settler.release(now);
    }

    private void finished(OpenBatch batch) {
        renewer.untrack(batch.batch());
        if (open.remove(batch)) {
            openBatches.release();
        }
    }

    private boolean mayContinue(BroadcastRun run) {
        return isRunAllowed() && !isSuspendingOrSuspended() && run.endedBy() == null
               && !Thread.currentThread().isInterrupted();
    }

    private void emit(ClaimedToken claimed, BroadcastRun run, OpenBatch batch) {
        Exchange exchange = createExchange(false);
        Message message = exchange.getMessage();
        message.setHeader(MessengerOtnConstants.RECIPIENT_ID, claimed.psid());
        message.setHeader(MessengerOtnConstants.PAGE_ID, claimed.pageId());
        message.setHeader(MessengerOtnConstants.ONE_TIME_NOTIF_TOKEN, claimed.tokenValue());
        message.setHeader(MessengerOtnConstants.OTN_TOPIC, claimed.topic());
        if (claimed.payload() != null) {
            message.setHeader(MessengerOtnConstants.OPTIN_PAYLOAD, claimed.payload());
        }
        message.setHeader(MessengerOtnConstants.OTN_ATTRIBUTES, claimed.attributes());
        message.setHeader(MessengerOtnConstants.OTN_EXPIRES_AT, claimed.token().expiresAt());
        String token = claimed.tokenValue();
        // a Synchronization, not the callback: it follows the exchange when the route hands it over (seda, ...)
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                if (RouteSkip.skipped(done, token)) {
                    outcomes.skipped(token, batch);
                } else {
                    outcomes.settle(token, OutcomeClassifier.classify(done, token), run, batch);
                }
            }
        });
        emitted.incrementAndGet();
        getAsyncProcessor().process(exchange, doneSync -> {
            releaseExchange(exchange, false);
            inFlight.leave();
        });
    }

    /** How many exchanges this consumer emitted since it was created. */
    public long getEmittedCount() {
        return emitted.get();
    }

    /** How many tokens were used for their message. */
    public long getConsumedCount() {
        return outcomes.consumed.get();
    }

    /** How many tokens the platform refused for good (logged with their fingerprint and kept with the reason). */
    public long getRetiredCount() {
        return outcomes.retired.get();
    }

    /** How many sends failed transiently (or for the sender's setup) and their tokens went back to the pool. */
    public long getReleasedCount() {
        return outcomes.released.get();
    }

    /** How many holders the route skipped (no send used their token): they keep their tokens. */
    public long getSkippedCount() {
        return outcomes.skipped.get();
    }

    /** How many holders were outside their localTime window when offered: they keep their tokens. */
    public long getNotDueCount() {
        return outcomes.notDue.get();
    }

    /** The claim owner of this consumer: node name and a UUID. */
    public String getOwner() {
        return owner;
    }
}
