package id.ruangaman.benchmark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;

/**
 * The Telegram Bot API and the WhatsApp Cloud API as the benchmark needs them: every send is answered
 * at once from an event loop, and the moment each reply reaches each chat is recorded, so end-to-end
 * latency and the outbound rates can be measured where the platform would see them.
 */
final class BenchPlatforms implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Vertx vertx;
    private final HttpServer server;
    private final AtomicLong messageIds = new AtomicLong(1000);
    private final Map<String, Arrivals> byChat = new ConcurrentHashMap<>();
    private final Arrivals telegramSends = new Arrivals();
    /**
     * Every call of Telegram's outbox, each under its own rate permit: sendMessage, and the editMessageReplyMarkup and
     * deleteMessages calls of the buttons' removal and the quick exit.
     */
    private final Arrivals telegramCalls = new Arrivals();
    private final Arrivals whatsappSends = new Arrivals();
    private final AtomicLong otherCalls = new AtomicLong();

    /** Arrival times (System.nanoTime) in the order they came. */
    static final class Arrivals {
        private long[] nanos = new long[16];
        private int size;

        synchronized void add(long at) {
            if (size == nanos.length) {
                nanos = Arrays.copyOf(nanos, size * 2);
            }
            nanos[size++] = at;
        }

        synchronized int size() {
            return size;
        }

        synchronized long get(int index) {
            return nanos[index];
        }

        synchronized long[] snapshot() {
            return Arrays.copyOf(nanos, size);
        }

        /** The most arrivals seen inside any window of this length, sliding over every arrival. */
        synchronized int maxInWindow(long windowNanos) {
            return Figures.maxInWindow(Arrays.copyOf(nanos, size), windowNanos);
        }
    }

    BenchPlatforms(Vertx vertx) throws Exception {
        this.vertx = vertx;
        this.server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
                .requestHandler(this::handle)
                .listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    Arrivals arrivals(String chatKey) {
        return byChat.computeIfAbsent(chatKey, key -> new Arrivals());
    }

    Arrivals telegramSends() {
        return telegramSends;
    }

    /** Every call of Telegram's outbox (sendMessage, editMessageReplyMarkup, deleteMessages): what its limit bounds. */
    Arrivals telegramCalls() {
        return telegramCalls;
    }

    Arrivals whatsappSends() {
        return whatsappSends;
    }

    long otherCalls() {
        return otherCalls.get();
    }

    /** Every chat's arrivals, for per-chat rate checks. */
    List<Map.Entry<String, Arrivals>> chats() {
        return new ArrayList<>(byChat.entrySet());
    }

    private void handle(HttpServerRequest request) {
        request.body().onSuccess(body -> {
            long at = System.nanoTime();
            String path = request.path();
            String answer;
            try {
                if (path.endsWith("/messages")) {
                    JsonNode json = JSON.readTree(body.getBytes());
                    String to = json.path("to").asText();
                    whatsappSends.add(at);
                    arrivals("wa:" + to).add(at);
                    answer = "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"" + to + "\",\"wa_id\":\"" + to
                            + "\"}],\"messages\":[{\"id\":\"wamid.BENCH-" + messageIds.incrementAndGet() + "\"}]}";
                } else if (path.toLowerCase().endsWith("/sendmessage")) {
                    JsonNode json = JSON.readTree(body.getBytes());
                    String chat = json.path("chat_id").asText();
                    telegramSends.add(at);
                    telegramCalls.add(at);
                    arrivals("tg:" + chat).add(at);
                    answer = "{\"ok\":true,\"result\":{\"message_id\":" + messageIds.incrementAndGet()
                            + ",\"date\":1763800000,\"chat\":{\"id\":" + chat + ",\"type\":\"private\"},\"text\":\"-\"}}";
                } else if (path.toLowerCase().endsWith("/editmessagereplymarkup") || path.toLowerCase().endsWith("/deletemessages")) {
                    telegramCalls.add(at);
                    answer = "{\"ok\":true,\"result\":true}";
                } else {
                    otherCalls.incrementAndGet();
                    answer = "{\"ok\":true,\"result\":true}";
                }
            } catch (Exception unreadable) {
                request.response().setStatusCode(400).end("{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request\"}");
                return;
            }
            request.response().putHeader("Content-Type", "application/json").end(answer);
        });
    }

    @Override
    public void close() throws Exception {
        server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
