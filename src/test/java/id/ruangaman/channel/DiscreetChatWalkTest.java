package id.ruangaman.channel;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import id.ruangaman.testing.FakeGraph;
import id.ruangaman.testing.FakeTelegram;
import id.ruangaman.testing.IntakeWalk;
import id.ruangaman.testing.TelegramFixtures;
import id.ruangaman.testing.WebhookTest;
import id.ruangaman.testing.WhatsAppFixtures;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A discreet chat (the person said the phone is not safe) got, after /mulai, the neutral first line and then "Halo, ini
 * Ruang Aman, layanan pendampingan Satgas kampus": a glance at the preview named the service twice. The rule for every
 * message a discreet chat receives: the neutral line once, first; and the first line of the text under it names
 * neither the service nor the subject (what a notification preview or the chat list shows next). Walked through the
 * whole intake, the thread after it and a new report's opening, every reply checked, through the Telegram and the
 * WhatsApp webhooks with real-shaped payloads.
 */
@QuarkusTest
class DiscreetChatWalkTest extends WebhookTest {

    private static final String NEUTRAL = "Ruang Aman";
    /** The service's names and the subject's words (the intake's discretion.avoid_words), matched as parts of words. */
    private static final List<String> TELLING = List.of("ruang aman", "satgas", "task force", "kekerasan", "seksual", "pelecehan",
            "perkosa", "cabul", "lapor", "korban", "pelaku", "terlapor", "violence", "sexual", "harass", "rape", "abuse", "assault",
            "report", "victim", "perpetrator");

    private static final IntakeWalk TO_THE_SAFETY_QUESTION = IntakeWalk.of("language:id", "consent:yes", "in_danger:no");
    private static final IntakeWalk DISCREET_FROM_HERE = IntakeWalk.of("safe_to_reply:no", "hmm apa ya", "reporter_role:victim",
            "send_now:details", "violence_type:sexual_assault", "violence_type:done", "incident_when:within_72h", "victim_minor:no",
            "incident_place:online", "Cerita sintetis untuk uji.", "chronology:done", "biodata_offer:yes", "name:skip",
            "age_range:18_24", "gender:skip", "campus_status:student", "unit:skip", "disability:skip", "reported_offer:yes",
            "relation:stranger", "reported_person:skip", "evidence_consent:no", "services:legal", "services:done",
            "urgent_need:skip", "stats_consent:no", "summary:confirm", "Tambahan cerita sintetis.", "/status", "/bantuan",
            "/mulai", "_new:new", "consent:yes", "in_danger:no");

    @Test
    void everyReplyToADiscreetTelegramChatShowsOnlyTheNeutralLineFirst() {
        long chat = TelegramFixtures.newChatId();
        chats.send(TelegramFixtures.text(chat, "/start"), chat);
        chats.walkTelegram(chat, TO_THE_SAFETY_QUESTION);
        int before = telegram.sentTo(chat).size();
        chats.walkTelegram(chat, DISCREET_FROM_HERE);
        assertRule(telegram.sentTo(chat).stream().skip(before).map(FakeTelegram.Call::text).toList());
    }

    @Test
    void everyReplyToADiscreetWhatsAppChatShowsOnlyTheNeutralLineFirst() {
        String number = WhatsAppFixtures.newNumber();
        chats.walkWhatsApp(number, IntakeWalk.of("halo").then(TO_THE_SAFETY_QUESTION), WhatsAppFixtures::newWamid);
        int before = graph.sentTo(number).size();
        chats.walkWhatsApp(number, DISCREET_FROM_HERE, WhatsAppFixtures::newWamid);
        assertRule(graph.sentTo(number).stream().skip(before).map(FakeGraph.Sent::text).filter(text -> !text.isEmpty()).toList());
    }

    private static void assertRule(List<String> texts) {
        assertTrue(texts.size() > 30, "the walk got its replies: " + texts.size());
        assertTrue(texts.stream().anyMatch(text -> text.contains("Pilih bahasa") || text.contains("Sebelum mulai")),
                "the walk reached a new report's opening: " + texts.get(texts.size() - 1));
        List<String> broken = new ArrayList<>();
        for (String text : texts) {
            List<String> lines = text.lines().toList();
            long neutralLines = lines.stream().filter(line -> line.strip().equals(NEUTRAL)).count();
            String underIt = lines.stream().skip(1).filter(line -> !line.isBlank()).findFirst().orElse("");
            String lower = underIt.toLowerCase(Locale.ROOT);
            List<String> telling = TELLING.stream().filter(lower::contains).toList();
            if (!lines.get(0).equals(NEUTRAL) || neutralLines != 1 || !telling.isEmpty()) {
                broken.add(lines.get(0) + " / " + underIt + (telling.isEmpty() ? "" : "  <- names " + telling));
            }
        }
        assertTrue(broken.isEmpty(), "replies whose preview says more than the neutral line:\n" + String.join("\n", broken));
    }
}
