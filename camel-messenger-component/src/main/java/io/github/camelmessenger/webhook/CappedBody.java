package io.github.camelmessenger.webhook;

import java.util.concurrent.CompletableFuture;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;

/**
 * Reads the body of a paused Vert.x request (platform-http with {@code useBodyHandler=false}) up to a limit: more
 * than that is not buffered, reading stops and the connection is closed after the answer.
 */
final class CappedBody {

    private CappedBody() {
    }

    /** The body, or null when it is larger than {@code maxBodySize}. */
    static CompletableFuture<byte[]> read(HttpServerRequest request, int maxBodySize) {
        CompletableFuture<byte[]> body = new CompletableFuture<>();
        Buffer received = Buffer.buffer();
        request.handler(chunk -> {
            if (body.isDone()) {
                return;
            }
            if (received.length() + chunk.length() > maxBodySize) {
                request.pause();
                closeAfterAnswer(request);
                body.complete(null);
                return;
            }
            received.appendBuffer(chunk);
        });
        request.endHandler(v -> body.complete(received.getBytes()));
        request.exceptionHandler(body::completeExceptionally);
        request.resume();
        return body;
    }

    /** The client may still be sending a body nobody will read: end the connection with the answer. */
    static void closeAfterAnswer(HttpServerRequest request) {
        if (!request.response().headWritten()) {
            request.response().putHeader("Connection", "close");
        }
    }
}
