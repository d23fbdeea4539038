package io.github.camelmessenger.webhook;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.github.camelmessenger.metrics.MessengerMeters;
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
    private final int maxBodySize;
    private final MessengerMeters meters;

    WebhookProtocol(VerifyTokenHandshake handshake, SignatureVerifier verifier, DeliveryParser parser,
                    EventTypeFilter filter, EventSink sink, MalformedItems malformed, int maxBodySize,
                    MessengerMeters meters) {
        this.maxBodySize = maxBodySize;
        this.meters = meters;
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
        WebhookResponse refused = screen(request);
        return refused != null ? done(refused) : accept(request);
    }

    /**
     * The first look at a POST, on its headers alone, before any of its body is read: a refusal (a declared length
     * over maxBodySize, no signature to verify), or null when the body may be read.
     *
     * @param declaredLength the Content-Length, or null when none was declared (chunked)
     */
    WebhookResponse screenHead(String signature, Long declaredLength) {
        if (declaredLength != null && declaredLength > maxBodySize) {
            meters.webhookRejected("size");
            return WebhookResponse.TOO_LARGE;
        }
        if (verifier != null && !SignatureVerifier.wellFormed(signature)) {
            meters.webhookRejected("signature");
            return WebhookResponse.BAD_SIGNATURE;
        }
        return null;
    }

    /**
     * Size and signature of a POST whose body was read (cheap enough for an event loop): a refusal, or null when it
     * may be {@linkplain #accept(WebhookRequest) accepted}.
     */
    WebhookResponse screen(WebhookRequest request) {
        if (request.bodyTooLarge()) {
            meters.webhookRejected("size");
            return WebhookResponse.TOO_LARGE;
        }
        if (verifier != null && !verifier.verify(request.body(), request.signature())) {
            meters.webhookRejected("signature");
            return WebhookResponse.BAD_SIGNATURE;
        }
        return null;
    }

    /** Parses a screened POST and hands its events over (may block: not on an event loop). */
    CompletionStage<WebhookResponse> accept(WebhookRequest request) {
        DeliveryParser.Parsed parsed;
        try {
            parsed = parser.parse(request.body());
        } catch (MalformedDeliveryException e) {
            meters.webhookRejected("malformed");
            return done(WebhookResponse.badRequest(e.getMessage()));
        }
        // redelivering cannot repair an item: the others are processed and the delivery acknowledged
        parsed.malformed().forEach(m -> {
            meters.webhookRejected("malformed");
            malformed.found(m.kind(), m.pageId(), m.reason());
        });
        List<MessengerEvent> accepted = new ArrayList<>(parsed.events().size());
        for (MessengerEvent e : parsed.events()) {
            if (filter.accepts(e)) {
                meters.webhookEvent(e.type().value());
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
