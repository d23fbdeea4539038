package io.github.camelmessenger.sandbox.graph;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the sandbox answers a Graph API call: an HTTP status and JSON body, after a delay (an injected latency).
 *
 * @param verdict the sandbox's verdict in words, for the inspector
 */
public record GraphAnswer(int status, JsonNode body, Duration latency, String verdict) {
}
