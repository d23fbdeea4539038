/**
 * The non-blocking Graph API client the {@code messenger} producer calls: one Vert.x {@code HttpClient} per
 * {@link io.github.camelmessenger.internal.graph.GraphClient}, error mapping to
 * {@link io.github.camelmessenger.MessengerApiException} ({@link io.github.camelmessenger.internal.graph.GraphErrors}), retries
 * with backoff on Vert.x timers, per-Page pacing ({@link io.github.camelmessenger.internal.graph.PageRateLimiter}) and
 * {@code appsecret_proof} ({@link io.github.camelmessenger.internal.graph.AppSecretProof}).
 */
package io.github.camelmessenger.internal.graph;
