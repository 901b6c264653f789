package id.ruangaman.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;

import id.ruangaman.transcript.ChatMessage;
import id.ruangaman.transcript.ChatMessageRepository;
import id.ruangaman.transcript.ContactRepository;
import id.ruangaman.transcript.Media;
import id.ruangaman.transcript.MediaRepository;
import id.ruangaman.conversation.Answer;
import id.ruangaman.conversation.MediaKind;
import id.ruangaman.conversation.SessionState;
import id.ruangaman.conversation.SessionStateJson;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ConversationServiceTest {

    private static final String SENTINEL = "SENTINEL-kronologi-5d1e";

    @Inject
    ContactRepository contacts;
    @Inject
    ConversationService conversations;
    @Inject
    MediaRepository media;
    @Inject
    ChatMessageRepository messages;
    @Inject
    IntakeRepository intakes;
    @Inject
    SessionRepository sessions;
    @Inject
    DataSource dataSource;

    private DevConversation person() {
        return new DevConversation(contacts, conversations, media);
    }

    @Test
    void shouldStoreAStructuredIntakeWithA72HourDeadline() throws Exception {
        DevConversation person = person().upToChronology("no")
                .text("Pesan " + SENTINEL).button("chronology:done").button("biodata_offer:no").button("reported_offer:yes")
                .button("relation:stranger").button("reported_person:skip")
                .button("evidence_consent:yes");
        long photo = person.upload(MediaKind.PHOTO, "synthetic-photo-bytes".getBytes(StandardCharsets.UTF_8));
        person.button("evidence:done").button("witnesses:skip")
                .button("services:psychological").button("services:legal").button("services:done")
                .button("urgent_need:skip").button("stats_consent:yes").button("summary:confirm");

        Intake intake = QuarkusTransaction.requiringNew().call(() -> intakes.find("contactId", person.contactId).singleResult());
        assertEquals("new", intake.status);
        assertEquals("victim", intake.reporterRole);
        assertEquals("no", intake.victimMinor);
        assertFalse(intake.inDanger);
        assertEquals("psychological,legal", intake.services);
        assertTrue(intake.statsConsent);
        assertFalse(intake.urgentMedical);
        assertTrue(QuarkusTransaction.requiringNew().call(() -> contacts.findById(person.contactId).discreet),
                "not safe to reply turns discreet mode on for the chat");
        assertTrue(intake.referenceCode.matches("RA-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{5}"), intake.referenceCode);
        assertEquals(Duration.ofHours(72), Duration.between(intake.receivedAt, intake.firstResponseDueAt));

        Map<String, Map<String, Answer>> record = SessionStateJson.mapper().readValue(intake.answers,
                new TypeReference<Map<String, Map<String, Answer>>>() {
                });
        assertEquals(List.of("identification", "chronology", "evidence", "witnesses", "needs", "safety", "consent"),
                List.copyOf(record.keySet()));
        assertTrue(record.get("chronology").get("chronology").parts().get(0).contains(SENTINEL));
        assertEquals(List.of(String.valueOf(photo)), record.get("evidence").get("evidence").mediaIds());
        assertEquals("no", record.get("safety").get("safe_to_reply").value());
        assertEquals(1, QuarkusTransaction.requiringNew().call(() -> media.count("contactId", person.contactId)));

        assertNoPlaintext("select answers from intake where contact_id = ?", person.contactId);
        assertNoPlaintext("select state from conversation_session where contact_id = ?", person.contactId);
        assertNoPlaintext("select body from chat_message where contact_id = ?", person.contactId);
    }

    @Test
    void shouldEraseEverythingThePersonSentOnDelete() {
        DevConversation person = person().upToChronology().text("Pesan " + SENTINEL).button("chronology:done")
                .button("biodata_offer:no").button("reported_offer:yes")
                .button("relation:skip").button("reported_person:skip").button("evidence_consent:yes");
        person.upload(MediaKind.VOICE, new byte[] { 1, 2, 3 });
        person.button("evidence:done").button("witnesses:skip").button("services:not_sure").button("services:done")
                .button("urgent_need:skip").button("contact_offer:yes").button("contact_times:skip")
                .button("never_do:skip").button("code_word:skip").button("stats_consent:skip").button("summary:confirm");
        person.text("/hapus").text("ya");

        QuarkusTransaction.requiringNew().run(() -> {
            Intake shell = intakes.find("contactId", person.contactId).singleResult();
            assertEquals("closed", shell.status);
            assertEquals(ReporterErasure.CLOSED_REASON, shell.closedReason);
            assertNull(shell.answers);
            assertNotNull(shell.deletedByReporterAt);
            assertNull(shell.violenceTypes);
            assertFalse(shell.statsConsent, "an erased case is not counted in statistics");
            assertEquals(0, media.count("contactId", person.contactId));
            for (ChatMessage message : messages.transcript(person.contactId)) {
                if (message.direction == ChatMessage.Direction.IN) {
                    assertNull(message.body, "an inbound message kept its content");
                } else if (message.body != null) {
                    assertFalse(message.body.contains(SENTINEL));
                }
            }
            SessionState state = SessionStateJson.read(sessions.findByContact(person.contactId).orElseThrow().state);
            assertTrue(state.answers().isEmpty());
            assertEquals(shell.referenceCode, state.referenceCode());
        });
    }

    @Test
    void shouldDeleteAnUploadSentToAQuestionThatDoesNotAskForFiles() {
        DevConversation person = person().button("language:id").button("consent:yes");
        long upload = person.upload(MediaKind.PHOTO, new byte[] { 9, 9, 9 });
        assertNull(QuarkusTransaction.requiringNew().call(() -> media.findById(upload)));
    }

    @Test
    void shouldHandleOnePersonsQuickMessagesOneAfterTheOther() throws Exception {
        DevConversation person = person().upToChronology();
        int parts = 8;
        ExecutorService pool = Executors.newFixedThreadPool(parts);
        try {
            List<Callable<Object>> sends = new ArrayList<>();
            for (int i = 0; i < parts; i++) {
                String text = "bagian " + i;
                sends.add(() -> person.text(text));
            }
            for (Future<Object> done : pool.invokeAll(sends)) {
                done.get();
            }
        } finally {
            pool.shutdownNow();
        }
        person.button("chronology:done");
        SessionState state = QuarkusTransaction.requiringNew().call(
                () -> SessionStateJson.read(sessions.findByContact(person.contactId).orElseThrow().state));
        assertEquals(parts, state.answers().get("chronology").parts().size(), "a concurrent message was lost");
    }

    @Inject
    IdleSessionJob idleSessions;

    @Test
    void shouldRemindAnIdleConversationOnceThenPauseIt() {
        DevConversation person = person().upToChronology();
        long before = QuarkusTransaction.requiringNew().call(() -> messages.count("contactId = ?1 and direction = ?2",
                person.contactId, ChatMessage.Direction.OUT));
        setIdleFor(person.contactId, Duration.ofMinutes(31));
        idleSessions.run();
        idleSessions.run();
        long afterReminder = QuarkusTransaction.requiringNew().call(() -> messages.count("contactId = ?1 and direction = ?2",
                person.contactId, ChatMessage.Direction.OUT));
        assertEquals(before + 1, afterReminder, "exactly one gentle reminder");

        setIdleFor(person.contactId, Duration.ofHours(25));
        idleSessions.run();
        assertEquals("PAUSED", QuarkusTransaction.requiringNew().call(() -> sessions.findByContact(person.contactId).orElseThrow().status));
        person.text("halo lagi");
        SessionState state = QuarkusTransaction.requiringNew().call(
                () -> SessionStateJson.read(sessions.findByContact(person.contactId).orElseThrow().state));
        assertEquals("chronology", state.nodeId(), "a returning person is offered to continue where they left off");
    }

    @Test
    void shouldNeverRemindInDiscreetModeNorBeforeTheSafetyQuestion() {
        DevConversation unsafe = person().upToChronology("no");
        DevConversation early = person().button("language:id").button("consent:yes").button("in_danger:no");
        long before = QuarkusTransaction.requiringNew().call(() -> messages.count("contactId in (?1, ?2) and direction = ?3",
                unsafe.contactId, early.contactId, ChatMessage.Direction.OUT));
        setIdleFor(unsafe.contactId, Duration.ofMinutes(31));
        setIdleFor(early.contactId, Duration.ofMinutes(31));
        idleSessions.run();
        long after = QuarkusTransaction.requiringNew().call(() -> messages.count("contactId in (?1, ?2) and direction = ?3",
                unsafe.contactId, early.contactId, ChatMessage.Direction.OUT));
        assertEquals(before, after, "no reminder to a discreet chat, nor before the person said whether the chat is safe");
    }

    @Test
    void shouldSayHowToClearTheChatAfterDelete() {
        DevConversation person = person().upToChronology().text("Pesan " + SENTINEL).restToSubmission(true);
        person.text("/hapus").text("ya");
        List<ChatMessage> out = QuarkusTransaction.requiringNew().call(() -> messages.list(
                "contactId = ?1 and direction = ?2 order by id", person.contactId, ChatMessage.Direction.OUT));
        // A dev chat has no phone to clear: the engine's own words say what was erased and that the phone keeps its copy.
        String last = out.get(out.size() - 1).body;
        assertTrue(last.contains("Sudah dihapus dari server kami") && last.contains("HP-mu tidak ikut terhapus"), last);
    }

    private void setIdleFor(long contactId, Duration idle) {
        QuarkusTransaction.requiringNew().run(() -> {
            ConversationSession session = sessions.findByContact(contactId).orElseThrow();
            SessionState state = SessionStateJson.read(session.state);
            java.time.Instant then = java.time.Instant.now().minus(idle);
            // The idle clock only: the reminder stays as it was.
            SessionState idleState = state.withInputAt(then).withReminded(state.reminded());
            session.state = SessionStateJson.write(idleState);
            session.lastInputAt = then;
        });
    }

    private void assertNoPlaintext(String sql, long contactId) throws Exception {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setLong(1, contactId);
            try (ResultSet rows = query.executeQuery()) {
                int seen = 0;
                while (rows.next()) {
                    byte[] raw = rows.getBytes(1);
                    if (raw != null) {
                        seen++;
                        assertFalse(new String(raw, StandardCharsets.ISO_8859_1).contains("SENTINEL"), sql);
                    }
                }
                assertTrue(seen > 0, "nothing stored for " + sql);
            }
        }
    }

    @Test
    void shouldKeepAFileAfterTheReportOnlyOnYesAndLetAnUnansweredOneGo() {
        DevConversation person = person().upToChronology().text("Kronologi sintetis").restToSubmission(true);
        long intakeId = QuarkusTransaction.requiringNew().call(() -> intakes.find("contactId", person.contactId).singleResult().id);

        long kept = person.upload(MediaKind.PHOTO, "synthetic-kept".getBytes(StandardCharsets.UTF_8));
        person.button("_keep:yes");
        Media keptRow = QuarkusTransaction.requiringNew().call(() -> media.findById(kept));
        assertTrue(keptRow.claimed);
        assertEquals(intakeId, keptRow.intakeId, "kept as this case's evidence");

        // A later person who never answers: the held file is deleted once the pause period passes.
        DevConversation other = person().upToChronology().text("Kronologi sintetis").restToSubmission(true);
        long held = other.upload(MediaKind.DOCUMENT, "synthetic-held".getBytes(StandardCharsets.UTF_8));
        Media heldRow = QuarkusTransaction.requiringNew().call(() -> media.findById(held));
        assertFalse(heldRow.claimed, "held, not kept, while the person is asked");
        assertTrue(QuarkusTransaction.requiringNew().call(() -> sessions.findByContact(other.contactId).orElseThrow().holdingFiles));
        conversations.tick(other.contactId);
        assertNotNull(QuarkusTransaction.requiringNew().call(() -> media.findById(held)), "not dropped before the pause period");
        // A day passes without an answer: the stored session (its column and its state) ages by 25 hours.
        QuarkusTransaction.requiringNew().run(() -> {
            ConversationSession session = sessions.findByContact(other.contactId).orElseThrow();
            java.time.Instant dayAgo = java.time.Instant.now().minus(java.time.Duration.ofHours(25));
            session.state = id.ruangaman.conversation.SessionStateJson.write(
                    id.ruangaman.conversation.SessionStateJson.read(session.state).withInputAt(dayAgo));
            session.lastInputAt = dayAgo;
        });
        // The idle job finds it without decrypting every session; then the tick lets the file go.
        assertTrue(QuarkusTransaction.requiringNew().call(() -> sessions.idleContacts(java.time.Instant.now(),
                java.time.Instant.now().minus(java.time.Duration.ofHours(24)), 10_000)).contains(other.contactId));
        conversations.tick(other.contactId);
        assertNull(QuarkusTransaction.requiringNew().call(() -> media.findById(held)), "an unanswered file is not kept");
        assertFalse(QuarkusTransaction.requiringNew().call(() -> sessions.findByContact(other.contactId).orElseThrow().holdingFiles));
    }
}
