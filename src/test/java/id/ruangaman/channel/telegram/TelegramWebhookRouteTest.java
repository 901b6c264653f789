package id.ruangaman.channel.telegram;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import id.ruangaman.transcript.ChatMessage;
import id.ruangaman.channel.inbound.InboundProcessor;
import id.ruangaman.testing.Eventually;
import id.ruangaman.testing.FakePlatforms;
import id.ruangaman.testing.OversizedPost;
import id.ruangaman.testing.FakeTelegram;
import id.ruangaman.testing.TelegramChats;
import id.ruangaman.testing.TelegramFixtures;
import id.ruangaman.testing.WebhookTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

@QuarkusTest
class TelegramWebhookRouteTest extends WebhookTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    InboundProcessor processor;
    @Inject
    DataSource dataSource;

    @ParameterizedTest(name = "{0} is stored as {1} and handled without error")
    @CsvSource({
            "text_message.json, text", "start_command.json, command", "photo.json, photo", "document.json, document",
            "voice.json, voice", "audio.json, audio", "video.json, video", "video_note.json, video_note",
            "location.json, location", "contact.json, contact", "sticker.json, sticker", "dice.json, other_message",
            "edited_message.json, edited_message", "callback_query.json, callback_query",
            "group_message.json, text", "channel_post.json, channel_post", "unknown_update.json, message_reaction" })
    void shouldStoreEveryUpdateKindThenHandleIt(String fixture, String kind) {
        long chat = fixture.startsWith("group") || fixture.startsWith("channel") ? TelegramFixtures.newGroupId()
                : TelegramFixtures.newChatId();
        String json = TelegramFixtures.render(fixture, chat);
        long updateId = TelegramChats.updateIdOf(json);

        TelegramChats.post(json).then().statusCode(200);

        assertEquals(kind, chats.kind(updateId));
        Eventually.await("processed", WAIT, () -> !"PENDING".equals(chats.status(updateId)));
        String status = chats.status(updateId);
        assertTrue(status.equals("DONE") || status.equals("IGNORED"), fixture + " ended " + status);
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("ruangaman_inbound_received_total{channel=\"telegram\",kind=\"" + kind + "\"}"));
    }

    @Test
    void shouldRejectAWrongOrMissingSecretAndStoreNothing() {
        String json = TelegramFixtures.render("start_command.json", TelegramFixtures.newChatId());
        long updateId = TelegramChats.updateIdOf(json);
        TelegramChats.post(json, "wrong-secret").then().statusCode(401).body("error", equalTo("bad or missing secret token"));
        TelegramChats.post(json, null).then().statusCode(401);
        TelegramChats.post(json, FakePlatforms.TELEGRAM_SECRET + "x").then().statusCode(401);
        assertEquals(0, chats.storedCount(updateId));
    }

    @Test
    void shouldAbsorbADuplicateUpdateId() throws Exception {
        long chat = TelegramFixtures.newChatId();
        String json = TelegramFixtures.render("start_command.json", chat);
        long updateId = TelegramChats.updateIdOf(json);

        TelegramChats.post(json).then().statusCode(200);
        TelegramChats.post(json).then().statusCode(200);
        chats.send(json, chat);

        assertEquals(1, chats.storedCount(updateId));
        List<FakeTelegram.Call> greeting = telegram.awaitSent(chat, 2, WAIT);
        Thread.sleep(500);
        assertEquals(greeting.size(), telegram.sentTo(chat).size(), "a duplicate update was answered again");
        assertEquals(1, chats.transcript(chat).stream().filter(m -> m.direction == ChatMessage.Direction.IN).count());
    }

    @Test
    void shouldAnswerMalformedOrMistypedJsonWith400AndStoreNothing() {
        for (String fixture : List.of("malformed.json", "wrong_types.json")) {
            given().contentType(ContentType.JSON).header("X-Telegram-Bot-Api-Secret-Token", FakePlatforms.TELEGRAM_SECRET)
                    .body(TelegramFixtures.raw(fixture)).when().post("/webhooks/telegram")
                    .then().statusCode(400).body("error", equalTo("malformed JSON"))
                    .body(not(containsString("Exception"))).body(not(containsString("at ")));
        }
        TelegramChats.post("{\"ok\": true}").then().statusCode(400).body("error", equalTo("not a Telegram update"));
        TelegramChats.post("").then().statusCode(400);
    }

    @Test
    void shouldReadAChunkedBodyAndRefuseAnOversizedOneWith413() throws Exception {
        String json = TelegramFixtures.text(TelegramFixtures.newChatId(), "halo");
        assertEquals(200, postChunked(json), "a body sent in chunks, without a length, is read whole");
        assertEquals(1, chats.storedCount(TelegramChats.updateIdOf(json)));
        String huge = TelegramFixtures.text(TelegramFixtures.newChatId(), "x".repeat(1_100_000));
        assertEquals(413, postOversized(huge, true), "the limit holds when no length is declared");
        assertEquals(0, chats.storedCount(TelegramChats.updateIdOf(huge)));
    }

    /** Posts with chunked transfer encoding (no Content-Length); returns the status. */
    private int postChunked(String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/webhooks/telegram"))
                .header("Content-Type", "application/json").header("X-Telegram-Bot-Api-Secret-Token", FakePlatforms.TELEGRAM_SECRET)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void shouldRefuseAnOversizedBodyWith413() throws Exception {
        String huge = TelegramFixtures.text(TelegramFixtures.newChatId(), "x".repeat(1_100_000));
        assertEquals(413, postOversized(huge, false));
        assertEquals(0, chats.storedCount(TelegramChats.updateIdOf(huge)));
    }

    private static int postOversized(String json, boolean chunked) throws Exception {
        return OversizedPost.post("/webhooks/telegram", Map.of("Content-Type", "application/json",
                "X-Telegram-Bot-Api-Secret-Token", FakePlatforms.TELEGRAM_SECRET), json.getBytes(StandardCharsets.UTF_8), chunked);
    }

    @Test
    void shouldGreetAGroupOnceAndOtherwiseIgnoreIt() throws Exception {
        long group = TelegramFixtures.newGroupId();
        String first = TelegramFixtures.render("group_message.json", group);
        String second = TelegramFixtures.render("group_message.json", group);
        chats.send(first, group);
        chats.send(second, group);

        assertEquals("IGNORED", chats.status(TelegramChats.updateIdOf(first)));
        assertEquals("IGNORED", chats.status(TelegramChats.updateIdOf(second)));
        List<FakeTelegram.Call> sent = telegram.awaitSent(group, 1, WAIT);
        assertEquals(1, sent.size(), "a group must get exactly one polite message");
        assertTrue(sent.get(0).text().contains("chat pribadi") && sent.get(0).text().contains("private chats"));
    }

    @Test
    void shouldRecordAnEditAsAnEditOfTheOriginalMessage() {
        long chat = TelegramFixtures.newChatId();
        long messageId = TelegramFixtures.nextMessageId();
        chats.send(TelegramFixtures.render("start_command.json", chat), chat);
        chats.send(TelegramFixtures.render("text_message.json", TelegramFixtures.newUpdateId(), chat, messageId, "Bahasa Indonesia",
                null, null, 0), chat);
        chats.send(TelegramFixtures.render("edited_message.json", TelegramFixtures.newUpdateId(), chat, messageId, "English", null,
                null, 0), chat);

        List<ChatMessage> transcript = chats.transcript(chat);
        ChatMessage original = transcript.stream().filter(m -> String.valueOf(messageId).equals(m.providerMessage)
                && m.editOf == null && m.direction == ChatMessage.Direction.IN).findFirst().orElseThrow();
        ChatMessage edit = transcript.stream().filter(m -> "edit".equals(m.kind)).findFirst().orElseThrow();
        assertEquals(original.id, edit.editOf);
        assertTrue(edit.body.contains("English"));
    }

    /**
     * A button press is answered in the acknowledgement itself (Bot API: making requests when getting updates): the
     * 200's JSON body is answerCallbackQuery for the press's query id, with no text, before the press is processed
     * (processing paused here). Every kind of press: in a private chat, in a group (not served, but its button must stop
     * spinning too), one the library cannot read, and the same press sent again. Anything else is answered with an
     * empty 200. Posted without {@link TelegramChats#post}, so the fake Telegram plays no part.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({ "a press in a private chat, private", "a press in a group, group",
            "a press the library cannot read, unreadable", "the same press sent again, again" })
    void shouldAnswerAPressInTheAcknowledgementBeforeProcessingIt(String label, String kind) {
        long chat = kind.equals("group") ? TelegramFixtures.newGroupId() : TelegramFixtures.newChatId();
        String press = TelegramFixtures.button(chat, "language:id");
        if (kind.equals("group")) {
            press = press.replace("\"type\": \"private\"", "\"type\": \"supergroup\", \"title\": \"Grup sintetis\"");
        } else if (kind.equals("unreadable")) {
            press = press.replace("\"text\": \"pertanyaan\"", "\"text\": {\"tidak\": \"terbaca\"}");
        }
        long updateId = TelegramChats.updateIdOf(press);
        processor.pause();
        try {
            for (int round = 0; round < (kind.equals("again") ? 2 : 1); round++) {
                io.restassured.response.Response answer = given().contentType(ContentType.JSON)
                        .header(TelegramWebhookRoute.SECRET_HEADER, FakePlatforms.TELEGRAM_SECRET).body(press)
                        .when().post(TelegramWebhookRoute.PATH);
                answer.then().statusCode(200).contentType(ContentType.JSON)
                        .body("callback_query_id", equalTo("cbq-" + updateId))
                        .body("text", org.hamcrest.Matchers.nullValue());
                assertTrue("answerCallbackQuery".equalsIgnoreCase(answer.path("method")), label + ": " + answer.asString());
            }
            assertEquals("PENDING", chats.status(updateId), label + ": answered before any processing");
            assertEquals(1, chats.storedCount(updateId), label + ": stored once");
        } finally {
            processor.resume();
        }
        String text = TelegramFixtures.text(TelegramFixtures.newChatId(), "halo");
        given().contentType(ContentType.JSON).header(TelegramWebhookRoute.SECRET_HEADER, FakePlatforms.TELEGRAM_SECRET)
                .body(text).when().post(TelegramWebhookRoute.PATH).then().statusCode(200).body(equalTo(""));
    }

    @Test
    void shouldAnswerEveryCallbackQueryIncludingAStaleOne() throws Exception {
        long chat = TelegramFixtures.newChatId();
        chats.send(TelegramFixtures.render("start_command.json", chat), chat);
        String fresh = TelegramFixtures.button(chat, "language:id");
        String stale = TelegramFixtures.button(chat, "language:en");
        chats.send(fresh, chat);
        chats.send(stale, chat);

        for (String update : List.of(fresh, stale)) {
            String queryId = "cbq-" + TelegramChats.updateIdOf(update);
            Eventually.await("answerCallbackQuery " + queryId, WAIT, () -> !telegram.calls(
                    call -> call.method().equals("answerCallbackQuery") && queryId.equals(call.body().get("callback_query_id"))).isEmpty());
        }
        List<FakeTelegram.Call> sent = telegram.sentTo(chat);
        assertTrue(sent.stream().anyMatch(call -> call.text().contains("sudah tidak dipakai")), "no kind answer to the stale button");
    }

    @Test
    void shouldDoNoConversationWorkBeforeTheAcknowledgementAndLoseNothingAcknowledged() throws Exception {
        long chat = TelegramFixtures.newChatId();
        String start = TelegramFixtures.render("start_command.json", chat);
        String language = TelegramFixtures.button(chat, "language:id");
        processor.pause();
        try {
            TelegramChats.post(start).then().statusCode(200);
            TelegramChats.post(language).then().statusCode(200);
            // Acknowledged, committed, and nothing else: as if the service died right after answering.
            assertEquals("PENDING", chats.status(TelegramChats.updateIdOf(start)));
            assertEquals("PENDING", chats.status(TelegramChats.updateIdOf(language)));
            assertNull(chats.contact(chat), "the webhook must not create contacts or run the conversation");
            assertEquals(0, telegram.sentTo(chat).size());
        } finally {
            processor.resume();
        }
        Eventually.await("both processed", WAIT, () -> "DONE".equals(chats.status(TelegramChats.updateIdOf(language))));
        Eventually.await("replies sent", WAIT, () -> chats.outboxDrained(chat));
        int sent = telegram.sentTo(chat).size();
        processor.drainOnce();
        Thread.sleep(300);
        assertEquals(sent, telegram.sentTo(chat).size(), "an update was processed twice");
        assertNotNull(chats.contact(chat));
        assertTrue(telegram.sentTo(chat).get(sent - 1).text().contains("setuju"), "the steps ran out of order");
    }

    /** A press that could not be stored is not answered either: Telegram sends it again, and that 200 answers it. */
    @Test
    void shouldAnswer503WhenTheUpdateCannotBeStoredAndAcceptTheRetry() throws Exception {
        String json = TelegramFixtures.render("start_command.json", TelegramFixtures.newChatId());
        String press = TelegramFixtures.button(TelegramFixtures.newChatId(), "language:id");
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("alter table inbound_update rename to inbound_update_away");
            try {
                TelegramChats.post(json).then().statusCode(503).header("Retry-After", "5")
                        .body(not(containsString("Exception")));
                TelegramChats.post(press).then().statusCode(503).body(not(containsString("method")))
                        .body(not(containsString("callback_query_id")));
            } finally {
                sql.execute("alter table inbound_update_away rename to inbound_update");
            }
        }
        TelegramChats.post(json).then().statusCode(200);
        assertEquals(1, chats.storedCount(TelegramChats.updateIdOf(json)));
        TelegramChats.post(press).then().statusCode(200).body("callback_query_id", equalTo("cbq-" + TelegramChats.updateIdOf(press)));
    }
}
