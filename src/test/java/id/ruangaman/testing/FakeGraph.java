package id.ruangaman.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A fake WhatsApp Cloud (Graph) API on a random loopback port: records sends, serves media lookups
 * and downloads behind the bearer token, and can be told to fail the next sends to one number.
 */
public final class FakeGraph implements AutoCloseable {

    public record Sent(String to, JsonNode body, Instant at, String wamid, String contentType) {
        public String type() {
            return body.path("type").asText();
        }

        public String text() {
            return body.path("text").path("body").asText(body.path("interactive").path("body").path("text").asText(""));
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final String token;
    private final List<Sent> sent = new ArrayList<>();
    private final Map<String, Deque<String[]>> scripted = new ConcurrentHashMap<>();
    private final Map<String, byte[]> media = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();

    public FakeGraph(String token) throws IOException {
        this.token = token;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
    }

    public String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v21.0";
    }

    /** The next send to {@code to} answers with this HTTP status and Graph error code. */
    public void failNext(String to, int httpStatus, int code) {
        scripted.computeIfAbsent(to, t -> new ArrayDeque<>()).add(new String[] { String.valueOf(httpStatus),
                "{\"error\":{\"message\":\"synthetic failure\",\"type\":\"OAuthException\",\"code\":" + code + ",\"fbtrace_id\":\"x\"}}" });
    }

    /** The next send to {@code to} is taken (a 2xx) and answered with {@code body} as it is, JSON or not. */
    public void answerNext(String to, int httpStatus, String body) {
        scripted.computeIfAbsent(to, t -> new ArrayDeque<>()).add(new String[] { String.valueOf(httpStatus), body });
    }

    /** The next send to {@code to} is read, then the connection is dropped without an answer. */
    public void dropNext(String to) {
        scripted.computeIfAbsent(to, t -> new ArrayDeque<>()).add(new String[] { "drop", null });
    }

    public void media(String mediaId, byte[] content) {
        media.put(mediaId, content);
    }

    public synchronized List<Sent> sentTo(String to) {
        return sent.stream().filter(s -> s.to().equals(to)).toList();
    }

    public List<Sent> awaitSent(String to, int count, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (sentTo(to).size() < count && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        List<Sent> result = sentTo(to);
        if (result.size() < count) {
            throw new AssertionError("expected " + count + " sends to " + to + " but got " + result.size());
        }
        return result;
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] request;
        try (InputStream in = exchange.getRequestBody()) {
            request = in.readAllBytes();
        }
        if (!("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            respond(exchange, 401, "{\"error\":{\"message\":\"Invalid OAuth access token\",\"code\":190}}");
            return;
        }
        String path = exchange.getRequestURI().getPath();
        if (path.startsWith("/download/")) {
            byte[] content = media.get(path.substring("/download/".length()));
            respondBytes(exchange, content == null ? 404 : 200, content == null ? new byte[0] : content);
            return;
        }
        if ("POST".equals(exchange.getRequestMethod()) && path.endsWith("/messages")) {
            JsonNode body = JSON.readTree(request);
            String to = body.hasNonNull("to") ? body.path("to").asText() : body.path("recipient").asText();
            Deque<String[]> queue = scripted.get(to);
            String[] failure = queue == null ? null : queue.poll();
            ids.incrementAndGet();
            String wamid = WhatsAppFixtures.realisticWamid(to); // Meta's ids embed the recipient's number
            synchronized (this) {
                sent.add(new Sent(to, body, Instant.now(), failure == null ? wamid : null,
                        exchange.getRequestHeaders().getFirst("Content-Type")));
            }
            if (failure != null && "drop".equals(failure[0])) {
                exchange.close(); // no status line: the caller cannot know whether the message went out
                return;
            }
            if (failure != null) {
                respond(exchange, Integer.parseInt(failure[0]), failure[1]);
                return;
            }
            respond(exchange, 200, "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"" + to + "\",\"wa_id\":\"" + to
                    + "\"}],\"messages\":[{\"id\":\"" + wamid + "\"}]}");
            return;
        }
        if ("GET".equals(exchange.getRequestMethod())) {
            String mediaId = path.substring(path.lastIndexOf('/') + 1);
            byte[] content = media.get(mediaId);
            if (content == null) {
                respond(exchange, 404, "{\"error\":{\"message\":\"unknown media\",\"code\":100}}");
                return;
            }
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            respond(exchange, 200, "{\"messaging_product\":\"whatsapp\",\"url\":\"" + base + "/download/" + mediaId
                    + "\",\"mime_type\":\"image/jpeg\",\"sha256\":\"00\",\"file_size\":" + content.length + ",\"id\":\"" + mediaId + "\"}");
            return;
        }
        respond(exchange, 404, "{\"error\":{\"message\":\"unknown path\",\"code\":100}}");
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        respondBytes(exchange, status, json.getBytes(StandardCharsets.UTF_8));
    }

    private static void respondBytes(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
