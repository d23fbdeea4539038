package io.github.camelmessenger.otn.broadcast;

/**
 * What becomes of a claimed token once its exchange is done.
 *
 * @param outcome what to do with the token
 * @param reason  why, for the store (retire) and the log; null on success
 */
record Verdict(Outcome outcome, String reason) {

    /** The four ends of a broadcast exchange. */
    enum Outcome {
        /** The message was sent with the token: consume it. */
        CONSUME,
        /** The platform will never accept this token (or this message for it): retire it, report it. */
        RETIRE,
        /** Not sent, may work later: release it for a later poll. */
        RELEASE,
        /** Not sent because of the sender's own setup (Page token, Page restriction): release it and end the run. */
        HALT
    }

    static final Verdict SENT = new Verdict(Outcome.CONSUME, null);
}
