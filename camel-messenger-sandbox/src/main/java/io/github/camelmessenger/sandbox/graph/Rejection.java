package io.github.camelmessenger.sandbox.graph;

/** Ends the handling of a Graph call with the platform's error. */
final class Rejection extends RuntimeException {

    private final transient GraphError error;

    Rejection(GraphError error) {
        super(error.message(), null, false, false);
        this.error = error;
    }

    GraphError error() {
        return error;
    }

    static Rejection param(String message) {
        return new Rejection(GraphError.invalidParameter(message));
    }
}
