package io.github.camelmessenger.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * HTTP/1.1 over a plain socket, for what an HTTP client library hides: a request head whose body never comes, or a
 * chunked body that keeps coming while the answer is read.
 */
final class RawHttp implements AutoCloseable {

    private final Socket socket;
    private final AtomicLong written = new AtomicLong();

    RawHttp(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(5000);
    }

    /** Sends the request line and headers of a POST (and the blank line); the body is up to the caller. */
    RawHttp head(String path, String... headers) throws IOException {
        StringBuilder head = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                               + "Content-Type: application/json\r\n");
        for (String h : headers) {
            head.append(h).append("\r\n");
        }
        head.append("\r\n");
        socket.getOutputStream().write(head.toString().getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return this;
    }

    /** Writes chunks of 16 KiB on a thread of its own until {@code total} bytes or until the server stops reading. */
    Thread chunks(long total) {
        Thread writer = new Thread(() -> {
            byte[] data = new byte[16 * 1024];
            java.util.Arrays.fill(data, (byte) ' ');
            byte[] size = (Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            try {
                OutputStream out = socket.getOutputStream();
                while (written.get() < total) {
                    out.write(size);
                    out.write(data);
                    out.write(new byte[] { '\r', '\n' });
                    written.addAndGet(data.length);
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException e) {
                // the server closed the connection: it read no further
            }
        }, "raw-http-chunks");
        writer.setDaemon(true);
        writer.start();
        return writer;
    }

    long written() {
        return written.get();
    }

    /** The status code of the answer, or -1 when none came within 5 seconds. */
    int status() throws IOException {
        InputStream in = socket.getInputStream();
        StringBuilder line = new StringBuilder();
        try {
            int c;
            while ((c = in.read()) != -1 && c != '\n') {
                line.append((char) c);
            }
        } catch (SocketTimeoutException e) {
            return -1;
        }
        String[] parts = line.toString().trim().split(" ");
        return parts.length > 1 ? Integer.parseInt(parts[1]) : -1;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
