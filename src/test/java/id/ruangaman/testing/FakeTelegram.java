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
import java.util.function.Predicate;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A fake Telegram Bot API on a random loopback port. It records every call, answers sendMessage,
 * answerCallbackQuery, getFile and setWebhook like Telegram does, runs the method a webhook's answer names
 * ({@link #webhookReply}), serves file downloads, and can be
 * told to fail the next calls of a method (429 with retry_after, 500, 403), to answer slowly, or to
 * drop the connection without answering.
 */
public final class FakeTelegram implements AutoCloseable {

    public record Call(String method, Map<String, Object> body, Instant at) {
        public String chatId() {
            Object id = body.get("chat_id");
            return id == null ? null : String.valueOf(id);
        }

        public String text() {
            return (String) body.get("text");
        }
    }

    public record Scripted(int status, String json, Duration delay) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Status of a scripted answer that closes the connection instead of answering. */
    public static final int DROP = -1;

    private final HttpServer server;
    private final List<Call> calls = new ArrayList<>();
    private final Map<String, Deque<Scripted>> scripted = new ConcurrentHashMap<>();
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final AtomicInteger messageIds = new AtomicInteger(1000);
    private final java.util.concurrent.BlockingQueue<String> updates = new java.util.concurrent.LinkedBlockingQueue<>();
    private final Map<String, Integer> lastSent = new ConcurrentHashMap<>();
    private final Map<String, Integer> lastWithButtons = new ConcurrentHashMap<>();
    /** Every message sent, in order: chat id, the message id answered, its text. */
    private final List<String[]> sentIds = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Duration> slowFiles = new ConcurrentHashMap<>();

    public FakeTelegram() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
    }

    /** An update (JSON) that the next getUpdates call returns, for the long-polling path. */
    public void queueUpdate(String json) {
        updates.add(json);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Makes the next call of {@code method} for this chat answer with this status and body (after a delay). */
    public void script(String method, long chatId, Scripted answer) {
        scripted.computeIfAbsent(method + ":" + chatId, m -> new ArrayDeque<>()).add(answer);
    }

    public void tooManyRequests(String method, long chatId, int retryAfterSeconds) {
        script(method, chatId, new Scripted(429, "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after "
                + retryAfterSeconds + "\",\"parameters\":{\"retry_after\":" + retryAfterSeconds + "}}", Duration.ZERO));
    }

    public void serverError(String method, long chatId) {
        script(method, chatId, new Scripted(500, "{\"ok\":false,\"error_code\":500,\"description\":\"Internal Server Error\"}", Duration.ZERO));
    }

    public void slow(String method, long chatId, Duration delay) {
        script(method, chatId, new Scripted(200, null, delay));
    }

    public void blocked(String method, long chatId) {
        blocked(method, chatId, Duration.ZERO);
    }

    /** The next call of {@code method} for this chat is answered 403 "bot was blocked by the user" after {@code delay}. */
    public void blocked(String method, long chatId, Duration delay) {
        script(method, chatId, new Scripted(403, "{\"ok\":false,\"error_code\":403,\"description\":\"Forbidden: bot was blocked by the user\"}",
                delay));
    }

    /** The next call of {@code method} for this chat is read, then the connection is dropped without an answer. */
    public void reset(String method, long chatId) {
        script(method, chatId, new Scripted(DROP, null, Duration.ZERO));
    }

    /** getFile for this file id answers only after the delay (a slow platform while the person keeps writing). */
    public void slowFile(String fileId, Duration delay) {
        slowFiles.put(fileId, delay);
    }

    /** The message id of the last message sent to the chat, or 0. */
    public int lastMessageId(long chatId) {
        return lastSent.getOrDefault(String.valueOf(chatId), 0);
    }

    /** The message id of the last message with buttons sent to the chat, or 0. */
    public int lastButtonsMessageId(long chatId) {
        return lastWithButtons.getOrDefault(String.valueOf(chatId), 0);
    }

    /**
     * The message id of the last message sent to the chat whose text {@code pattern} finds (a question a person
     * quotes in a reply), or 0.
     */
    public int lastMessageIdMatching(long chatId, java.util.regex.Pattern pattern) {
        synchronized (sentIds) {
            for (int i = sentIds.size() - 1; i >= 0; i--) {
                String[] sent = sentIds.get(i);
                if (sent[0].equals(String.valueOf(chatId)) && sent[2] != null && pattern.matcher(sent[2]).find()) {
                    return Integer.parseInt(sent[1]);
                }
            }
        }
        return 0;
    }

    /** A file getFile and the download URL will serve. */
    public void file(String fileId, byte[] content) {
        files.put(fileId, content);
    }

    public synchronized List<Call> calls(String method) {
        return calls.stream().filter(call -> call.method().equals(method)).toList();
    }

    public synchronized List<Call> calls(Predicate<Call> filter) {
        return calls.stream().filter(filter).toList();
    }

    public List<Call> sentTo(long chatId) {
        return calls(call -> call.method().equals("sendMessage") && String.valueOf(chatId).equals(call.chatId()));
    }

    /** Waits until at least {@code count} messages were sent to the chat; returns them. */
    public List<Call> awaitSent(long chatId, int count, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        List<Call> sent = sentTo(chatId);
        while (sent.size() < count && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
            sent = sentTo(chatId);
        }
        if (sent.size() < count) {
            throw new AssertionError("expected " + count + " messages to chat " + chatId + " but got " + sent.size());
        }
        return sent;
    }

    /**
     * What Telegram does with a webhook's 200 answer: a JSON body that names a Bot API {@code method} is run as a call
     * of that method (recorded as any call; its outcome goes nowhere, as Telegram reports none). Any other body
     * (empty, not JSON, no method) is ignored. Bot API: #making-requests-when-getting-updates.
     */
    public void webhookReply(String contentType, byte[] body) {
        if (contentType == null || !contentType.startsWith("application/json") || body == null || body.length == 0) {
            return;
        }
        Map<String, Object> call;
        try {
            call = JSON.readValue(body, new TypeReference<Map<String, Object>>() {
            });
        } catch (IOException e) {
            return;
        }
        if (!(call.get("method") instanceof String method)) {
            return;
        }
        Map<String, Object> parameters = new java.util.LinkedHashMap<>(call);
        parameters.remove("method");
        synchronized (this) {
            calls.add(new Call(apiName(method), java.util.Collections.unmodifiableMap(parameters), Instant.now()));
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        byte[] request;
        try (InputStream in = exchange.getRequestBody()) {
            request = in.readAllBytes();
        }
        if (path.startsWith("/file/bot")) {
            String fileId = path.substring(path.lastIndexOf('/') + 1);
            byte[] content = files.get(fileId);
            respond(exchange, content == null ? 404 : 200, content == null ? new byte[0] : content);
            return;
        }
        // The library posts to lower-case method names (/sendmessage); calls are recorded by their API name.
        String method = apiName(path.substring(path.lastIndexOf('/') + 1));
        Map<String, Object> body = parse(exchange, request);
        synchronized (this) {
            calls.add(new Call(method, body, Instant.now()));
        }
        if ("getFile".equals(method) && slowFiles.containsKey(String.valueOf(body.get("file_id")))) {
            sleep(slowFiles.get(String.valueOf(body.get("file_id"))));
        }
        Deque<Scripted> queue = scripted.get(method + ":" + body.get("chat_id"));
        Scripted answer = queue == null ? null : queue.poll();
        if (answer != null) {
            sleep(answer.delay());
            if (answer.status() == DROP) {
                exchange.close(); // no status line: the caller cannot know whether the message went out
                return;
            }
            if (answer.json() != null) {
                respond(exchange, answer.status(), answer.json().getBytes(StandardCharsets.UTF_8));
                return;
            }
        }
        respond(exchange, 200, success(method, body).getBytes(StandardCharsets.UTF_8));
    }

    private static String apiName(String method) {
        for (String known : new String[] { "sendMessage", "answerCallbackQuery", "getFile", "setWebhook", "editMessageReplyMarkup",
                "getUpdates", "deleteWebhook", "deleteMessages" }) {
            if (known.equalsIgnoreCase(method)) {
                return known;
            }
        }
        return method;
    }

    private String success(String method, Map<String, Object> body) throws IOException {
        return switch (method) {
            case "sendMessage" -> "{\"ok\":true,\"result\":{\"message_id\":" + remember(body)
                    + ",\"date\":1763800000,\"chat\":{\"id\":" + body.get("chat_id") + ",\"type\":\"private\"},"
                    + "\"text\":" + JSON.writeValueAsString(body.get("text")) + "}}";
            case "getFile" -> {
                String fileId = String.valueOf(body.get("file_id"));
                byte[] content = files.get(fileId);
                yield "{\"ok\":true,\"result\":{\"file_id\":\"" + fileId + "\",\"file_unique_id\":\"u-" + fileId
                        + "\",\"file_size\":" + (content == null ? 0 : content.length) + ",\"file_path\":\"documents/" + fileId + "\"}}";
            }
            case "getUpdates" -> {
                // A short long-poll: wait up to half a second for an update, then answer with all that are queued.
                List<String> batch = new ArrayList<>();
                try {
                    String first = updates.poll(500, java.util.concurrent.TimeUnit.MILLISECONDS);
                    if (first != null) {
                        batch.add(first);
                        updates.drainTo(batch);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                yield "{\"ok\":true,\"result\":[" + String.join(",", batch) + "]}";
            }
            default -> "{\"ok\":true,\"result\":true}";
        };
    }

    private int remember(Map<String, Object> body) {
        int id = messageIds.incrementAndGet();
        lastSent.put(String.valueOf(body.get("chat_id")), id);
        if (body.get("reply_markup") != null) {
            lastWithButtons.put(String.valueOf(body.get("chat_id")), id);
        }
        sentIds.add(new String[] {String.valueOf(body.get("chat_id")), String.valueOf(id),
                body.get("text") == null ? null : String.valueOf(body.get("text"))});
        return id;
    }

    private static Map<String, Object> parse(HttpExchange exchange, byte[] request) {
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type != null && type.startsWith("application/json") && request.length > 0) {
            try {
                return JSON.readValue(request, new TypeReference<Map<String, Object>>() {
                });
            } catch (IOException e) {
                return Map.of("_unparsed", new String(request, StandardCharsets.UTF_8));
            }
        }
        return Map.of("_raw", new String(request, StandardCharsets.UTF_8));
    }

    private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
