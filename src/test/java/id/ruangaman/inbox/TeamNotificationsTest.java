package id.ruangaman.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import id.ruangaman.transcript.ContactRepository;
import id.ruangaman.transcript.MediaRepository;
import id.ruangaman.intake.ConversationService;
import id.ruangaman.intake.DevConversation;
import id.ruangaman.testing.Eventually;
import id.ruangaman.testing.FakePlatforms;
import id.ruangaman.testing.FakeTelegram;
import id.ruangaman.testing.TelegramChats;
import id.ruangaman.transcript.Channel;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class TeamNotificationsTest {

    private static final String SENTINEL = "SENTINEL-team-3b9f";
    private final FakeTelegram telegram = FakePlatforms.telegram();

    @Inject
    ContactRepository contacts;
    @Inject
    ConversationService conversations;
    @Inject
    MediaRepository media;
    @Inject
    TeamNotifications notifications;
    @Inject
    EntityManager em;
    @Inject
    TelegramChats chats;

    private String submitIntake() {
        return codeOf(submittedPerson());
    }

    private String codeOf(DevConversation person) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "select reference_code from intake where contact_id = ?1").setParameter(1, person.contactId).getSingleResult());
    }

    private DevConversation submittedPerson() {
        return new DevConversation(contacts, conversations, media).upToChronology()
                .text("Cerita " + SENTINEL).button("chronology:done").button("biodata_offer:no").button("reported_offer:yes")
                .button("relation:skip").button("reported_person:skip").button("evidence_consent:no").button("services:legal")
                .button("services:done").button("urgent_need:skip").button("contact_offer:no").button("stats_consent:skip")
                .button("summary:confirm");
    }

    private List<FakeTelegram.Call> teamMessagesAbout(String code) {
        return telegram.sentTo(FakePlatforms.TEAM_CHAT).stream().filter(call -> call.text().contains(code)).toList();
    }

    @Test
    void shouldAnnounceANewIntakeWithOnlyItsCodeAndLink() {
        String code = submitIntake();
        Eventually.await("team told about " + code, Duration.ofSeconds(60), () -> !teamMessagesAbout(code).isEmpty());
        String text = teamMessagesAbout(code).get(0).text();
        assertTrue(text.contains("https://inbox.example.test/inbox/cases/" + code), text);
        assertFalse(text.contains(SENTINEL), "a notification must carry no content");
        assertFalse(text.contains("legal"), "a notification must not even name the services");
    }

    @Test
    void shouldWarnOnceWhenAFirstResponseDeadlineNears() {
        String code = submitIntake();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update intake set first_response_due_at = ?1 where reference_code = ?2")
                .setParameter(1, Instant.now().plus(Duration.ofHours(2))).setParameter(2, code).executeUpdate());

        assertTrue(QuarkusTransaction.requiringNew().call(notifications::warnDue) >= 1);
        Eventually.await("deadline warning for " + code, Duration.ofSeconds(60),
                () -> teamMessagesAbout(code).stream().anyMatch(call -> call.text().contains("72-hour deadline")));
        QuarkusTransaction.requiringNew().call(notifications::warnDue);
        assertEquals(1, teamMessagesAbout(code).stream().filter(call -> call.text().contains("72-hour deadline")).count(),
                "a case is warned about once");
    }

    @Test
    void shouldTellTheTeamOncePerQuietPeriodWhenTheSurvivorWritesAfterTheReport() {
        DevConversation person = submittedPerson();
        String code = codeOf(person);
        person.text("Pesan lanjutan " + SENTINEL).text("Dan satu lagi " + SENTINEL);
        Eventually.await("team told about the new message on " + code, Duration.ofSeconds(60),
                () -> teamMessagesAbout(code).stream().anyMatch(call -> call.text().contains("New message")));
        List<FakeTelegram.Call> told = teamMessagesAbout(code).stream().filter(call -> call.text().contains("New message")).toList();
        assertEquals(1, told.size(), "two messages within the quiet period, one notification");
        assertTrue(told.get(0).text().contains("https://inbox.example.test/inbox/cases/" + code));
        assertFalse(told.get(0).text().contains(SENTINEL), "a notification must carry no content");

        // Seven hours later (the default quiet period is six), the next message is announced again.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update intake set thread_notified_at = thread_notified_at - interval '7 hours' where reference_code = ?1")
                .setParameter(1, code).executeUpdate());
        person.text("Halo lagi " + SENTINEL);
        Eventually.await("team told again about " + code, Duration.ofSeconds(60),
                () -> teamMessagesAbout(code).stream().filter(call -> call.text().contains("New message")).count() == 2);
    }

    /**
     * Commands typed in the thread (/status, /hapus) and the erasure they ask about are no message for the team: before,
     * "/hapus" after the report told the team "Pesan baru dari pelapor" of a case that was gone a moment later. An
     * ordinary line after them is told as before.
     */
    @Test
    void shouldNotTellTheTeamOfCommandsOrAnErasure() {
        DevConversation person = submittedPerson();
        String code = codeOf(person);

        person.text("/status").text("/hapus").text("tidak");
        assertNull(notifiedAt(code), "no notice for /status, /hapus, or keeping the data");
        person.text("Pesan biasa " + SENTINEL);
        assertNotNull(notifiedAt(code), "an ordinary line is told");

        // a line written while "Hapus semua…?" is open is the person writing, and is told (the reviewer of session 56)
        DevConversation asking = submittedPerson();
        String open = codeOf(asking);
        asking.text("/hapus");
        assertNull(notifiedAt(open));
        asking.text("aku mau tanya soal jadwal konseling " + SENTINEL);
        assertNotNull(notifiedAt(open), "a message while the erasure question is open is told");

        // /mulai and its button ("add to the report") are no message; the person's next line is told (the tester of
        // session 56: the press took the quiet period's one notice, and the real message went untold)
        DevConversation adding = submittedPerson();
        String added = codeOf(adding);
        adding.text("/mulai").button("_new:add");
        assertNull(notifiedAt(added), "no notice for /mulai or its button");
        adding.text("Kak, dia masih chat aku terus " + SENTINEL);
        assertNotNull(notifiedAt(added), "the person's message after it is told");

        DevConversation erasing = submittedPerson();
        String erased = codeOf(erasing);
        long team = QuarkusTransaction.requiringNew().call(() -> contacts.findOrCreate(Channel.TELEGRAM,
                String.valueOf(FakePlatforms.TEAM_CHAT)).id);
        long before = teamLines(team);
        erasing.text("/hapus").text("ya");
        assertEquals(before, teamLines(team), "nothing queued to the team for " + erased);
    }

    private Object notifiedAt(String code) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select thread_notified_at from intake where reference_code = ?1").setParameter(1, code).getSingleResult());
    }

    private long teamLines(long team) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from chat_message where contact_id = ?1").setParameter(1, team).getSingleResult()).longValue());
    }

    /**
     * A line that says danger now is told at once, in the quiet period too, and the notice says so. Before, "dia di depan
     * pintu" written minutes after an ordinary line reached the team as nothing at all, and at other times as the same
     * "Pesan baru dari pelapor" as any line.
     */
    @Test
    void shouldTellTheTeamOfALineThatSaysDangerAtOnceAndSaySo() {
        DevConversation person = submittedPerson();
        String code = codeOf(person);
        person.text("Pesan lanjutan " + SENTINEL);
        Eventually.await("team told about the new message on " + code, Duration.ofSeconds(60),
                () -> teamMessagesAbout(code).stream().anyMatch(call -> call.text().contains("New message")));
        assertFalse(teamMessagesAbout(code).get(teamMessagesAbout(code).size() - 1).text().contains("bahaya"),
                "an ordinary line says nothing of danger");

        person.text("dia di depan pintu");
        Eventually.await("team told of danger on " + code, Duration.ofSeconds(60),
                () -> teamMessagesAbout(code).stream().anyMatch(call -> call.text().contains("menyebut bahaya")));
        String told = teamMessagesAbout(code).stream().filter(call -> call.text().contains("menyebut bahaya")).findFirst()
                .orElseThrow().text();
        assertTrue(told.startsWith("Pesan baru dari pelapor, menyebut bahaya / New message from the reporter, who said they may be in danger: " + code), told);
        assertTrue(told.contains("https://inbox.example.test/inbox/cases/" + code), told);
        assertFalse(told.contains("depan pintu"), "a notification must carry no content");
    }

    /**
     * Several lines of danger in a row are one notice: the case page shows when danger was said last. Before, each line
     * of danger was told at once, so a survivor who wrote five frightened lines in a minute sent the team five notices.
     * A line of danger after the team was told of the danger before it is told again only when the quiet period is over.
     */
    @Test
    void shouldTellTheTeamOfSeveralLinesOfDangerInARowOnce() {
        DevConversation person = submittedPerson();
        String code = codeOf(person);
        person.text("dia di depan pintu");
        Eventually.await("team told of danger on " + code, Duration.ofSeconds(60),
                () -> teamMessagesAbout(code).stream().anyMatch(call -> call.text().contains("menyebut bahaya")));

        person.text("dia mau dobrak pintu").text("aku diancam").text("hes outside").text("dia lagi gedor pintu");
        Eventually.await("the team's notices sent", Duration.ofSeconds(60), () -> chats.outboxDrained(FakePlatforms.TEAM_CHAT));

        assertEquals(1, teamMessagesAbout(code).stream().filter(call -> call.text().contains("New message")).count(),
                "one notice for five lines of danger: " + teamMessagesAbout(code));

        // Seven hours later (the default quiet period is six), the next line of danger is told again, as danger.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update intake set thread_notified_at = thread_notified_at - interval '7 hours', "
                        + "danger_said_at = danger_said_at - interval '7 hours' where reference_code = ?1")
                .setParameter(1, code).executeUpdate());
        person.text("dia di depan pintu lagi");
        Eventually.await("team told again of danger on " + code, Duration.ofSeconds(60),
                () -> teamMessagesAbout(code).stream().filter(call -> call.text().contains("menyebut bahaya")).count() == 2);
    }
}
