package io.github.camelmessenger.send;

import io.github.camelmessenger.graph.GraphRequest;

/** A validated Graph API call, ready to send. */
public record PreparedCall(GraphRequest request) {
}
