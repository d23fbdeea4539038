package io.github.camelmessenger.webhook;

/**
 * When a failed inbox event runs again, in the manner of Camel's redelivery policy: {@code maximumRedeliveries}
 * further attempts, the first after {@code redeliveryDelay}, each later one {@code backOffMultiplier} times longer,
 * at most {@code maximumRedeliveryDelay}.
 */
record RedeliveryPolicy(int maximumRedeliveries, long redeliveryDelay, double backOffMultiplier,
                        long maximumRedeliveryDelay) {

    RedeliveryPolicy {
        if (maximumRedeliveries < 0 || redeliveryDelay < 0 || backOffMultiplier < 1 || maximumRedeliveryDelay < 0) {
            throw new IllegalArgumentException("Invalid redelivery policy: maximumRedeliveries="
                                               + maximumRedeliveries + ", redeliveryDelay=" + redeliveryDelay
                                               + ", backOffMultiplier=" + backOffMultiplier
                                               + ", maximumRedeliveryDelay=" + maximumRedeliveryDelay
                                               + " (none may be negative, the multiplier must be at least 1)");
        }
    }

    /** @param failures how many times the event failed, this time included */
    boolean exhausted(int failures) {
        return failures > maximumRedeliveries;
    }

    /** @param failures how many times the event failed, this time included (at least 1) */
    long delay(int failures) {
        double d = redeliveryDelay * Math.pow(backOffMultiplier, Math.max(0, failures - 1));
        return (long) Math.min(d, maximumRedeliveryDelay);
    }
}
