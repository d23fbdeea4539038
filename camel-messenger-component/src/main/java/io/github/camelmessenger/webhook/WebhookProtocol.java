package io.github.camelmessenger.webhook;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.github.camelmessenger.model.event.MessengerEvent;

/**
 * The webhook protocol, independent of the HTTP engine: GET is the subscription handshake; POST is a delivery that
 * must be small enough, signed, and well formed before any of its events reaches the route. Bad input is answered
 * 4xx and never produces an exchange; 500 only means "deliver again".
 */
final class WebhookProtocol {

    private final VerifyTokenHandshake handshake;
    /** null when unsigned deliveries are allowed */
    private final SignatureVerifier verifier;
    private final DeliveryParser parser;
    private final EventTypeFilter filter;
    private final EventSink sink;
    private final MalformedItems malformed;

    WebhookProtocol(VerifyTokenHandshake handshake, SignatureVerifier verifier, DeliveryParser parser,
                    EventTypeFilter filter, EventSink sink, MalformedItems malformed) {
        this.handshake = handshake;
        this.verifier = verifier;
        this.parser = parser;
        this.filter = filter;
        this.sink = sink;
        this.malformed = malformed;
    }

    CompletionStage<WebhookResponse> handle(WebhookRequest request) {
        String method = request.method() == null ? "" : request.method();
        return switch (method) {
            case "GET" -> done(handshake.answer(request.query()));
            case "POST" -> post(request);
            default -> done(WebhookResponse.METHOD_NOT_ALLOWED);
        };
    }

    private CompletionStage<WebhookResponse> post(WebhookRequest request) {
        if (request.bodyTooLarge()) {
            return done(WebhookResponse.TOO_LARGE);
        }
        if (verifier != null && !verifier.verify(request.body(), request.signature())) {
            return done(WebhookResponse.BAD_SIGNATURE);
        }
        DeliveryParser.Parsed parsed;
        try {
            parsed = parser.parse(request.body());
        } catch (MalformedDeliveryException e) {
            return done(WebhookResponse.badRequest(e.getMessage()));
        }
        // redelivering cannot repair an item: the others are processed and the delivery acknowledged
        parsed.malformed().forEach(m -> malformed.found(m.kind(), m.pageId(), m.reason()));
        List<MessengerEvent> accepted = new ArrayList<>(parsed.events().size());
        for (MessengerEvent e : parsed.events()) {
            if (filter.accepts(e)) {
                accepted.add(e);
            }
        }
        try {
            return sink.accept(accepted).exceptionally(t -> WebhookResponse.FAILED);
        } catch (RuntimeException e) {
            return done(WebhookResponse.FAILED);
        }
    }

    private static CompletionStage<WebhookResponse> done(WebhookResponse response) {
        return CompletableFuture.completedFuture(response);
    }
}
