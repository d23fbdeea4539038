package io.github.camelmessenger.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.AsyncProcessorSupport;

/**
 * The processor of the platform-http consumer serving the webhook path: reads the request off the HTTP exchange
 * (the raw body bytes as the engine received them), lets {@link WebhookProtocol} decide, and writes the answer back.
 * Works with any platform-http engine: Vert.x hands the request over unread ({@code useBodyHandler=false}) and it
 * is read here up to maxBodySize; other engines hand over a stream (read up to maxBodySize) or bytes. Servlet engines
 * (Spring Boot) read the whole body into Camel's stream cache before any processor runs: there the limit must also
 * be set in front of the application (proxy, container).
 */
final class PlatformHttpAdapter extends AsyncProcessorSupport {

    static final String SIGNATURE_HEADER = "X-Hub-Signature-256";
    private static final byte[] EMPTY = new byte[0];

    private final WebhookProtocol protocol;
    private final int maxBodySize;

    PlatformHttpAdapter(WebhookProtocol protocol, int maxBodySize) {
        this.protocol = protocol;
        this.maxBodySize = maxBodySize;
    }

    /**
     * What engines that call processors synchronously (Vert.x platform-http, servlet) use: waits here, on the
     * engine's request thread, which those engines hold for the request anyway.
     */
    @Override
    public void process(Exchange exchange) {
        CompletableFuture<WebhookResponse> answer = answer(exchange);
        WebhookResponse response;
        try {
            response = answer.join();
        } catch (RuntimeException e) {
            response = WebhookResponse.FAILED;
        }
        write(exchange, response == null ? WebhookResponse.FAILED : response);
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        CompletableFuture<WebhookResponse> answer = answer(exchange);
        if (answer.isDone()) {
            write(exchange, answer.getNow(WebhookResponse.FAILED));
            callback.done(true);
            return true;
        }
        answer.whenComplete((response, failure) -> {
            write(exchange, failure != null || response == null ? WebhookResponse.FAILED : response);
            callback.done(false);
        });
        return false;
    }

    private CompletableFuture<WebhookResponse> answer(Exchange exchange) {
        try {
            Message in = exchange.getIn();
            String method = in.getHeader(Exchange.HTTP_METHOD, String.class);
            String query = in.getHeader(Exchange.HTTP_QUERY, String.class);
            if (!"POST".equals(method)) {
                return protocol.handle(new WebhookRequest(method, query, null, EMPTY, false)).toCompletableFuture();
            }
            // headers first: neither an unsigned nor a declared oversized body is read at all
            String signature = signature(in);
            WebhookResponse refused = protocol.screenHead(signature, contentLength(in));
            if (refused != null) {
                unread(in.getBody());
                return CompletableFuture.completedFuture(refused);
            }
            return body(exchange, in.getBody()).thenCompose(body -> protocol.handle(body == null
                    ? new WebhookRequest(method, query, null, EMPTY, true)
                    : new WebhookRequest(method, query, signature, body, false)));
        } catch (Exception e) {
            return CompletableFuture.completedFuture(WebhookResponse.badRequest("Unreadable request"));
        }
    }

    /** A body that is left unread: on Vert.x the connection ends with the answer. */
    private static void unread(Object body) {
        if (body instanceof HttpServerRequest request) {
            CappedBody.closeAfterAnswer(request);
        }
    }

    /** The exact bytes received, or null when there are more than maxBodySize. */
    private CompletableFuture<byte[]> body(Exchange exchange, Object body) throws IOException {
        if (body instanceof HttpServerRequest request) {
            // Vert.x, useBodyHandler=false: the request waits paused, nothing of it is buffered yet
            return CappedBody.read(request, maxBodySize);
        }
        byte[] bytes;
        if (body == null) {
            bytes = EMPTY;
        } else if (body instanceof Buffer buffer) {
            bytes = buffer.getBytes();
        } else if (body instanceof byte[] b) {
            bytes = b;
        } else if (body instanceof InputStream stream) {
            // read at most one byte past the limit so that a huge body is not buffered whole
            bytes = stream.readNBytes(maxBodySize + 1);
        } else {
            // a form or other engine-specific body: no raw bytes, the signature cannot match
            bytes = exchange.getContext().getTypeConverter().tryConvertTo(byte[].class, exchange, body);
            bytes = bytes == null ? EMPTY : bytes;
        }
        return CompletableFuture.completedFuture(bytes.length > maxBodySize ? null : bytes);
    }

    private static String signature(Message in) {
        Object value = in.getHeader(SIGNATURE_HEADER);
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof List<?> list && list.size() == 1 && list.get(0) instanceof String s) {
            return s;
        }
        // absent, or repeated: no single signature to trust
        return null;
    }

    private static Long contentLength(Message in) {
        Object value = in.getHeader(Exchange.CONTENT_LENGTH);
        if (value instanceof Number n) {
            return n.longValue();
        }
        if (value instanceof String s) {
            try {
                return Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static void write(Exchange exchange, WebhookResponse response) {
        Message out = exchange.getMessage();
        // the request headers must not be echoed back as response headers
        out.getHeaders().clear();
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, response.status());
        out.setHeader(Exchange.CONTENT_TYPE, "text/plain; charset=utf-8");
        out.setBody(response.body());
    }
}
