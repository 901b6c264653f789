package id.ruangaman.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.restassured.RestAssured;

/**
 * Posts a body larger than {@code quarkus.http.limits.max-body-size} (1 MB) over a plain socket and returns the status
 * the service answered with.
 *
 * <p>The service refuses such a body with 413 and closes the connection, often while the client is still writing (at
 * once when a Content-Length declares the size, after the first megabyte when the body is chunked). A client that
 * writes the whole body before it reads, as REST Assured and {@code java.net.http} do, then fails now and then with
 * "Broken pipe" or "Connection reset" instead of seeing the answer. Here the body is written on its own thread while
 * this one reads, so the answer is read as soon as it is sent, whatever happens to the rest of the upload.
 */
public final class OversizedPost {

    private static final int PIECE = 16 * 1024;

    private OversizedPost() {
    }

    /**
     * @param path    the request path, e.g. {@code /webhooks/telegram}
     * @param headers extra request headers (content type, secret, signature, cookie)
     * @param body    the bytes to send
     * @param chunked {@code true} to send {@code Transfer-Encoding: chunked}, {@code false} for a Content-Length
     * @return the status code of the answer
     * @throws IOException when no status line came back (the connection closed without an answer)
     */
    public static int post(String path, Map<String, String> headers, byte[] body, boolean chunked) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(30_000);
            StringBuilder head = new StringBuilder("POST ").append(path).append(" HTTP/1.1\r\nHost: localhost\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            head.append(chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + body.length + "\r\n").append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread writer = new Thread(() -> write(out, body, chunked), "oversized-post-writer");
            writer.setDaemon(true);
            writer.start();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            String status = in.readLine();
            if (status == null || !status.startsWith("HTTP/1.1 ")) {
                throw new IOException("no answer to an oversized post, only: " + status);
            }
            return Integer.parseInt(status.substring(9, 12));
        }
    }

    private static void write(OutputStream out, byte[] body, boolean chunked) {
        try {
            for (int at = 0; at < body.length; at += PIECE) {
                int length = Math.min(PIECE, body.length - at);
                if (chunked) {
                    out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                }
                out.write(body, at, length);
                if (chunked) {
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
            }
            if (chunked) {
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();
        } catch (IOException refused) {
            // the service answered and closed mid-upload: expected; the reader has the answer
        }
    }
}
