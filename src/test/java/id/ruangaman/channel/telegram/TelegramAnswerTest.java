package id.ruangaman.channel.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;

import com.sun.net.httpserver.HttpServer;

import id.ruangaman.channel.outbound.SendOutcome;
import id.ruangaman.conversation.Choice;

/**
 * A sendMessage answer is read for its few fields only (ok, message_id, error_code, description, retry_after), and the
 * request is the one Telegram Bots Java's client would post. Answers are shaped as core.telegram.org/bots/api documents
 * them, with made-up values.
 */
class TelegramAnswerTest {

    /** Each labelled answer and the outcome a send gets from it. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            sent, with a whole message          | {"ok":true,"result":{"message_id":512,"date":1700000000,"chat":{"id":9,"type":"private"},"text":"halo","reply_markup":{"inline_keyboard":[[{"text":"Ya","callback_data":"n:o"}]]}}} | Sent 512
            sent, fields the library lacks      | {"ok":true,"result":{"message_id":513,"some_future_field":{"x":[1,2]},"chat":{"id":9,"type":"private"}}} | Sent 513
            429 with retry_after                | {"ok":false,"error_code":429,"description":"Too Many Requests: retry after 7","parameters":{"retry_after":7}} | RetryLater 7 known
            429 without parameters              | {"ok":false,"error_code":429,"description":"Too Many Requests"} | RetryLater 1 known
            403 blocked                         | {"ok":false,"error_code":403,"description":"Forbidden: bot was blocked by the user"} | Unreachable
            400 refused, with its description   | {"ok":false,"error_code":400,"description":"Bad Request: chat not found"} | Failed Telegram 400: Bad Request: chat not found
            500 server error                    | {"ok":false,"error_code":500,"description":"Internal Server Error"} | RetryLater 0 known
            502 from a proxy, not JSON          | <html>Bad Gateway</html> | RetryLater 0 unknown
            empty body                          | '' | RetryLater 0 unknown
            JSON without ok                     | {"result":{"message_id":5}} | RetryLater 0 unknown
            """)
    void shouldClassifyEachAnswerByItsFewFields(String label, String body, String expected) {
        TelegramApi.Answer answer = TelegramApi.Answer.read(body);
        SendOutcome outcome = answer.ok() ? new SendOutcome.Sent(String.valueOf(answer.messageId()))
                : TelegramSender.classify(answer.errorCode(), answer.description(), answer.retryAfter());
        assertEquals(expected, describe(outcome), label);
    }

    private static String describe(SendOutcome outcome) {
        if (outcome instanceof SendOutcome.Sent sent) {
            return "Sent " + sent.providerMessageId();
        }
        if (outcome instanceof SendOutcome.RetryLater retry) {
            return "RetryLater " + retry.after().toSeconds() + (retry.outcomeUnknown() ? " unknown" : " known");
        }
        if (outcome instanceof SendOutcome.Failed failed) {
            return "Failed " + failed.reason();
        }
        return outcome.getClass().getSimpleName();
    }

    /** The same method, posted by the library's client and by {@link TelegramApi#call}: same path, same JSON. */
    @Test
    void shouldPostWhatTheLibrarysClientPosts() throws Exception {
        List<String> requests = new ArrayList<>();
        AtomicReference<String> contentType = new AtomicReference<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            synchronized (requests) {
                requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
                        + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            }
            contentType.set(exchange.getRequestHeaders().getFirst("Content-Type"));
            byte[] body = "{\"ok\":true,\"result\":{\"message_id\":7,\"date\":1700000000,\"chat\":{\"id\":1000,\"type\":\"private\"}}}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            TelegramApi api = new TelegramApi(TelegramApiTest.config("http://127.0.0.1:" + server.getAddress().getPort()), 2);
            SendMessage method = SendMessage.builder().chatId(1000L).text("Halo, terima kasih sudah menulis. 🌱")
                    .disableNotification(true)
                    .replyMarkup(TelegramSender.keyboard("node", List.of(new Choice("ya", "Ya"), new Choice("tidak", "Tidak"))))
                    .build();
            api.client().execute(method);
            TelegramApi.Answer answer = api.call(method);
            assertTrue(answer.ok());
            assertEquals(7L, answer.messageId());
            assertEquals(2, requests.size());
            assertEquals(requests.get(0), requests.get(1));
            assertTrue(requests.get(1).startsWith("POST /bot42:client-test/sendmessage {"), requests.get(1));
            assertTrue(contentType.get().startsWith("application/json"), contentType.get());
        } finally {
            server.stop(0);
        }
    }

    /** A refused connection is thrown (never reached Telegram), not read as an answer. */
    @Test
    void shouldThrowForARefusedConnection() throws Exception {
        int port;
        try (java.net.ServerSocket closed = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        TelegramApi api = new TelegramApi(TelegramApiTest.config("http://127.0.0.1:" + port), 2);
        IOException thrown = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                () -> api.call(SendMessage.builder().chatId(1L).text("-").build()));
        assertInstanceOf(java.net.ConnectException.class, thrown);
    }
}
