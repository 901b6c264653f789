package id.ruangaman.channel.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * A button press's answer by call (answerCallbackQuery, with long polling; a press by webhook is answered in the
 * webhook's response) goes through the same plain call as sendMessage ({@link TelegramApi#call}), not the library's
 * client (OkHttp's asynchronous dispatcher and the library's whole-answer reading, 14% of the service's CPU in the
 * benchmark's drain), carries no text, and a refusal is still counted. A made-up token and query ids.
 */
class CallbackAnswersPathTest {

    private HttpServer server;
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private volatile String answer = "{\"ok\":true,\"result\":true}";
    private volatile int status = 200;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void shouldAnswerAPressWithoutTheLibrarysClient() throws Exception {
        TelegramApi api = new TelegramApi(TelegramApiTest.config("http://127.0.0.1:" + server.getAddress().getPort()), 4);
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        TelegramCallbackAnswers answers = new TelegramCallbackAnswers(api::call, metrics, () -> false, System::nanoTime,
                java.time.Duration.ofSeconds(5), 100);
        answers.answer("cbq-sintetis-1");
        answers.stop();
        assertTrue(answers.awaitStopped(10, TimeUnit.SECONDS));

        assertEquals(1, bodies.size(), "one answerCallbackQuery reached the API");
        assertTrue(bodies.get(0).contains("\"callback_query_id\":\"cbq-sintetis-1\""), bodies.get(0));
        assertFalse(bodies.get(0).contains("\"text\""), "the answer only stops the spinner: " + bodies.get(0));
        assertEquals(0.0, metrics.counter("ruangaman.telegram.callback_answers.failed").count());
        assertFalse(api.clientBuilt(), "the library's client was not needed for the answer");
    }

    @Test
    void shouldCountARefusedAnswer() throws Exception {
        status = 400;
        answer = "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: query is too old\"}";
        TelegramApi api = new TelegramApi(TelegramApiTest.config("http://127.0.0.1:" + server.getAddress().getPort()), 4);
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        TelegramCallbackAnswers answers = new TelegramCallbackAnswers(api::call, metrics, () -> false, System::nanoTime,
                java.time.Duration.ofSeconds(5), 100);
        answers.answer("cbq-sintetis-2");
        answers.stop();
        assertTrue(answers.awaitStopped(10, TimeUnit.SECONDS));

        assertEquals(1, bodies.size());
        assertEquals(1.0, metrics.counter("ruangaman.telegram.callback_answers.failed").count(), "the refusal was counted");
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        bodies.add(path.toLowerCase(java.util.Locale.ROOT).endsWith("/answercallbackquery") ? new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)
                : "unexpected " + path);
        byte[] body = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
