package io.github.camelmessenger.benchmarks;

/** One way of sending a Send API request: the component, or a plain HTTP client loop. */
interface SendTarget extends AutoCloseable {

    /** Starts one send; {@code done} is called exactly once, with null on success, from any thread. */
    void send(Completion done);

    @FunctionalInterface
    interface Completion {
        void done(Throwable failure);
    }
}
