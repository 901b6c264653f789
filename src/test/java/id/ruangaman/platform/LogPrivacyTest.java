package id.ruangaman.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.jboss.logmanager.LogManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import id.ruangaman.testing.FakePlatforms;
import id.ruangaman.testing.LogLines;
import id.ruangaman.testing.TelegramChats;
import id.ruangaman.testing.TelegramFixtures;
import id.ruangaman.testing.WhatsAppFixtures;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Nothing a person writes, nor their chat id or number, reaches a log line: not on the happy path,
 * not in errors for malformed bodies, bad signatures or failed sends.
 */
@QuarkusTest
class LogPrivacyTest {

    private static final String SENTINEL = "SENTINEL-log-7c4e";
    private final LogLines log = LogLines.everything();

    @Inject
    TelegramChats chats;
    @Inject
    DataSource dataSource;

    @BeforeEach
    void listen() {
        log.start();
    }

    @AfterEach
    void stop() {
        log.stop();
    }

    @Test
    void shouldNeverLogWhatAPersonWroteOrWhoTheyAre() {
        org.jboss.logging.Logger.getLogger(LogPrivacyTest.class).info("log-capture-probe");
        long chat = TelegramFixtures.newChatId();
        FakePlatforms.telegram().blocked("sendMessage", chat); // the failure path logs ids; it must not log the chat
        chats.send(TelegramFixtures.render("start_command.json", chat), chat);
        chats.send(TelegramFixtures.text(chat, "Nama saya " + SENTINEL), chat);
        TelegramChats.post("{\"update_id\": 1, \"message\": {\"text\": \"" + SENTINEL).then().statusCode(400);
        TelegramChats.post(TelegramFixtures.text(chat, SENTINEL), "wrong").then().statusCode(401);

        String number = WhatsAppFixtures.newNumber();
        String body = WhatsAppFixtures.text(number, "Cerita " + SENTINEL);
        WhatsAppFixtures.post(body, "sha256=00").then().statusCode(401);
        WhatsAppFixtures.post("{\"entry\": [" + SENTINEL).then().statusCode(400);
        WhatsAppFixtures.post(body).then().statusCode(200);
        String partial = body.replace("\"messages\":[", "\"messages\":[{\"id\":\"" + SENTINEL + "\",\"text\":{\"body\":\"" + SENTINEL + "\"}},");
        WhatsAppFixtures.post(partial).then().statusCode(200);

        List<String> lines = log.lines();
        assertTrue(lines.stream().anyMatch(line -> line.contains("log-capture-probe")), "the log capture does not work");
        assertTrue(lines.stream().anyMatch(line -> line.contains("unreachable")), "the failure path was not exercised");
        List<String> leaks = lines.stream().filter(line -> line.contains(SENTINEL) || line.contains(String.valueOf(chat))
                || line.contains(number)).toList();
        assertEquals(List.of(), leaks);
    }

    @Test
    void shouldNameNoValuesWhenABatchedStatementFails() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "insert into contact (id, channel, external_id_hash, external_id) values (?, 'TELEGRAM', ?, ?)")) {
            connection.setAutoCommit(false);
            for (int i = 0; i < 2; i++) { // the same id twice: the second entry fails on the primary key
                insert.setLong(1, Long.MAX_VALUE - 7);
                insert.setBytes(2, SENTINEL.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                insert.setBytes(3, SENTINEL.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                insert.addBatch();
            }
            BatchUpdateException failed = assertThrows(BatchUpdateException.class, insert::executeBatch);
            connection.rollback();
            String everything = failed + " " + failed.getNextException();
            assertTrue(everything.contains("duplicate key"), everything);
            assertFalse(everything.contains(String.valueOf(Long.MAX_VALUE - 7)), "the key's value is named: " + everything);
            assertFalse(everything.contains("x53454e"), "the parameters are named: " + everything); // "SEN" in hex
        }
    }
}
