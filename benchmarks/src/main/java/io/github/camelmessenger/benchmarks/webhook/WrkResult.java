package io.github.camelmessenger.benchmarks.webhook;

/**
 * What one wrk run measured.
 *
 * @param requests     requests completed
 * @param requestsPerSecond as wrk reports it
 * @param p99Millis    99th percentile latency
 * @param errors       socket errors plus non-2xx answers
 * @param cpuMicrosPerRequest CPU time the benchmarked JVM spent per request (all its threads)
 */
record WrkResult(String target, long requests, double requestsPerSecond, double p99Millis, long errors,
                 double cpuMicrosPerRequest) {

    @Override
    public String toString() {
        return String.format("%-34s %10.0f req/s   p99 %7.2f ms   CPU %6.1f us/req   requests %9d   errors %d",
                target, requestsPerSecond, p99Millis, cpuMicrosPerRequest, requests, errors);
    }
}
