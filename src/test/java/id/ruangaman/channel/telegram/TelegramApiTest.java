package id.ruangaman.channel.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** The Bot API client lets every caller's request through at once, not OkHttp's default of 5 to one host. */
class TelegramApiTest {

    private static final int SENDERS = 12;

    @Test
    void shouldHaveEverySendersRequestAtTheApiAtOnce() throws Exception {
        // The platform answers only once all the senders' requests have arrived (or, failing that, after a bound):
        // with OkHttp's default dispatcher the sixth and later requests never leave while five are unanswered.
        CountDownLatch allArrived = new CountDownLatch(SENDERS);
        AtomicInteger answeredTogether = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> answer(exchange, allArrived, answeredTogether));
        ExecutorService serverThreads = Executors.newFixedThreadPool(SENDERS);
        server.setExecutor(serverThreads);
        server.start();
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        try {
            TelegramApi api = new TelegramApi(config("http://127.0.0.1:" + server.getAddress().getPort()), SENDERS);
            List<Future<?>> sends = new ArrayList<>();
            for (int i = 0; i < SENDERS; i++) {
                long chat = 1000 + i;
                sends.add(senders.submit(() -> api.client().execute(SendMessage.builder().chatId(chat).text("halo").build())));
            }
            for (Future<?> send : sends) {
                send.get(60, TimeUnit.SECONDS);
            }
            assertEquals(SENDERS, answeredTogether.get(), "requests that were at the API together");
        } finally {
            senders.shutdownNow();
            server.stop(0);
            serverThreads.shutdownNow();
        }
    }

    private static void answer(HttpExchange exchange, CountDownLatch allArrived, AtomicInteger answeredTogether) throws IOException {
        exchange.getRequestBody().readAllBytes();
        allArrived.countDown();
        try {
            if (allArrived.await(10, TimeUnit.SECONDS)) {
                answeredTogether.incrementAndGet();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        byte[] body = ("{\"ok\":true,\"result\":{\"message_id\":7,\"date\":1700000000,"
                + "\"chat\":{\"id\":1000,\"type\":\"private\"},\"text\":\"halo\"}}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** A configuration with only the Bot API's address, a made-up token and a timeout (shared with TelegramAnswerTest). */
    static TelegramConfig config(String apiUrl) {
        return (TelegramConfig) Proxy.newProxyInstance(TelegramConfig.class.getClassLoader(), new Class<?>[] { TelegramConfig.class },
                (proxy, method, args) -> {
                    if (method.isDefault()) {
                        return InvocationHandler.invokeDefault(proxy, method, args);
                    }
                    return switch (method.getName()) {
                        case "botToken" -> Optional.of("42:client-test");
                        case "apiUrl" -> apiUrl;
                        case "requestTimeout" -> Duration.ofSeconds(30);
                        default -> throw new UnsupportedOperationException(method.getName());
                    };
                });
    }
}
