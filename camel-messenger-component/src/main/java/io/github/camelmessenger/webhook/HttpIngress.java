package io.github.camelmessenger.webhook;

/** How the webhook path is served: started with the consumer, stopped before it. */
interface HttpIngress {

    void start() throws Exception;

    void stop() throws Exception;

    /** For logs: which engine serves the path. */
    String description();
}
