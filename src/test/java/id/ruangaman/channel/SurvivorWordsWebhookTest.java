package id.ruangaman.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.ruangaman.conversation.SessionState;
import id.ruangaman.conversation.SessionStateJson;
import id.ruangaman.intake.SessionRepository;
import id.ruangaman.testing.FakeGraph;
import id.ruangaman.testing.FakeTelegram;
import id.ruangaman.testing.IntakeWalk;
import id.ruangaman.testing.TelegramFixtures;
import id.ruangaman.testing.WebhookTest;
import id.ruangaman.testing.WhatsAppFixtures;
import id.ruangaman.transcript.Channel;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The most serious misreadings of a probe of the survivor's questions with the shipped words (session 21), through the
 * real webhooks with payloads shaped as Telegram's and WhatsApp's; synthetic chats only. A thumbs-up at "apakah kamu
 * dalam bahaya sekarang?" was danger (the emergency numbers, the counsellor told of a danger); "ini hp aku sendiri" at
 * "Apakah aman chat di HP ini?" was not understood twice and became "not safe"; "belum 18" at "Apakah umurmu di bawah
 * 18 tahun?" was an adult.
 */
@QuarkusTest
class SurvivorWordsWebhookTest extends WebhookTest {

    private static final String EMERGENCY = "112";

    @Inject
    SessionRepository sessions;

    @Test
    void aThumbsUpAtTheDangerQuestionOnTelegramIsAskedAgain() {
        long chat = TelegramFixtures.newChatId();
        chats.send(TelegramFixtures.text(chat, "/start"), chat);
        chats.walkTelegram(chat, IntakeWalk.of("language:id", "consent:yes"));
        int before = telegram.sentTo(chat).size();

        chats.send(TelegramFixtures.text(chat, "👍"), chat);

        List<String> replies = telegram.sentTo(chat).stream().skip(before).map(FakeTelegram.Call::text).toList();
        assertAskedAgain(replies, state(Channel.TELEGRAM, String.valueOf(chat)));
    }

    @Test
    void aThumbsUpAtTheDangerQuestionOnWhatsAppIsAskedAgain() {
        String number = WhatsAppFixtures.newNumber();
        chats.walkWhatsApp(number, IntakeWalk.of("halo", "language:id", "consent:yes"), WhatsAppFixtures::newWamid);
        int before = graph.sentTo(number).size();

        chats.sayWhatsApp(number, WhatsAppFixtures.newWamid(), "text.json", "👍", null, null);

        List<String> replies = graph.sentTo(number).stream().skip(before).map(FakeGraph.Sent::text).toList();
        assertAskedAgain(replies, state(Channel.WHATSAPP, number));
    }

    @Test
    void anOwnPhoneOnTelegramIsSafeAtOnce() {
        long chat = TelegramFixtures.newChatId();
        chats.send(TelegramFixtures.text(chat, "/start"), chat);
        chats.walkTelegram(chat, IntakeWalk.of("language:id", "consent:yes", "in_danger:no"));

        chats.send(TelegramFixtures.text(chat, "ini hp aku sendiri"), chat);

        SessionState state = state(Channel.TELEGRAM, String.valueOf(chat));
        assertEquals("yes", state.answers().get("safe_to_reply").value());
        assertEquals("reporter_role", state.nodeId());
        assertTrue(!state.discreet(), "no quiet mode for a phone of one's own");
    }

    @Test
    void anOwnPhoneOnWhatsAppIsSafeAtOnce() {
        String number = WhatsAppFixtures.newNumber();
        chats.walkWhatsApp(number, IntakeWalk.of("halo", "language:id", "consent:yes", "in_danger:no"), WhatsAppFixtures::newWamid);

        chats.sayWhatsApp(number, WhatsAppFixtures.newWamid(), "text.json", "hp sendiri kak", null, null);

        SessionState state = state(Channel.WHATSAPP, number);
        assertEquals("yes", state.answers().get("safe_to_reply").value());
        assertEquals("reporter_role", state.nodeId());
    }

    /** "ya nanti" at "Apakah aman chat di HP ini?" is no "Ya, aman": asked again; a second unclear reply is "not safe yet". */
    @Test
    void aYesPutOffOnTelegramIsNotSafeYet() {
        long chat = TelegramFixtures.newChatId();
        chats.send(TelegramFixtures.text(chat, "/start"), chat);
        chats.walkTelegram(chat, IntakeWalk.of("language:id", "consent:yes", "in_danger:no"));

        chats.send(TelegramFixtures.text(chat, "ya nanti"), chat);
        SessionState asked = state(Channel.TELEGRAM, String.valueOf(chat));
        assertEquals("safe_to_reply", asked.nodeId(), "asked again, not read as safe");
        assertTrue(asked.answers().get("safe_to_reply") == null);

        chats.send(TelegramFixtures.text(chat, "iya nanti"), chat);
        chats.send(TelegramFixtures.text(chat, "ok nanti"), chat);
        SessionState state = state(Channel.TELEGRAM, String.valueOf(chat));
        assertEquals("no", state.answers().get("safe_to_reply").value(), "unclear is the safer reading");
        assertTrue(state.discreet(), "quiet mode for a phone not known to be safe");
    }

    @Test
    void aYesPutOffOnWhatsAppIsAskedAgain() {
        String number = WhatsAppFixtures.newNumber();
        chats.walkWhatsApp(number, IntakeWalk.of("halo", "language:id", "consent:yes", "in_danger:no"), WhatsAppFixtures::newWamid);

        chats.sayWhatsApp(number, WhatsAppFixtures.newWamid(), "text.json", "ok nanti", null, null);

        SessionState state = state(Channel.WHATSAPP, number);
        assertEquals("safe_to_reply", state.nodeId(), "asked again, not read as safe");
        assertTrue(state.answers().get("safe_to_reply") == null);
    }

    @Test
    void notYetEighteenOnWhatsAppIsUnderEighteen() {
        String number = WhatsAppFixtures.newNumber();
        chats.walkWhatsApp(number, IntakeWalk.of("halo", "language:id", "consent:yes", "in_danger:no", "safe_to_reply:yes",
                "reporter_role:victim", "send_now:details", "violence_type:unwanted_messages", "violence_type:done",
                "incident_when:longer"), WhatsAppFixtures::newWamid);
        assertEquals("victim_minor", state(Channel.WHATSAPP, number).nodeId());

        chats.sayWhatsApp(number, WhatsAppFixtures.newWamid(), "text.json", "belum 18", null, null);

        assertEquals("yes", state(Channel.WHATSAPP, number).answers().get("victim_minor").value());
    }

    /**
     * "Kejadian ini dialami siapa?", "Lanjut cerita / Kirim sekarang" and "Kapan terakhir kali terjadi?" answered in
     * words on Telegram (before: each was asked again): "aku sendiri" is the survivor, "cerita" tells more, and what is
     * still happening is the last 3 days, which brings the emergency-care message.
     */
    @Test
    void choicesTypedInOwnWordsOnTelegramAreUnderstood() {
        long chat = TelegramFixtures.newChatId();
        chats.send(TelegramFixtures.text(chat, "/start"), chat);
        chats.walkTelegram(chat, IntakeWalk.of("language:id", "consent:yes", "in_danger:no", "safe_to_reply:yes"));

        chats.send(TelegramFixtures.text(chat, "aku sendiri"), chat);
        chats.send(TelegramFixtures.text(chat, "mau cerita"), chat);
        chats.walkTelegram(chat, IntakeWalk.of("violence_type:unwanted_messages", "violence_type:done"));
        int before = telegram.sentTo(chat).size();
        chats.send(TelegramFixtures.text(chat, "masih terjadi"), chat);

        SessionState state = state(Channel.TELEGRAM, String.valueOf(chat));
        assertEquals("victim", state.answers().get("reporter_role").value());
        assertEquals("details", state.answers().get("send_now").value());
        assertEquals("within_72h", state.answers().get("incident_when").value());
        List<String> replies = telegram.sentTo(chat).stream().skip(before).map(FakeTelegram.Call::text).toList();
        assertTrue(replies.stream().noneMatch(reply -> reply.startsWith("Maaf, saya belum mengerti.")), "no re-prompt: " + replies);
    }

    /**
     * "nanti dulu ya" at "Kamu setuju dan mau lanjut?" on Telegram (session 22): the question waits, kindly, with its
     * buttons; nothing is declined (before: "Maaf, saya belum mengerti", and "jangan sekarang" ended the chat).
     */
    @Test
    void laterAtConsentOnTelegramHoldsTheQuestion() {
        long chat = TelegramFixtures.newChatId();
        chats.send(TelegramFixtures.text(chat, "/start"), chat);
        chats.walkTelegram(chat, IntakeWalk.of("language:id"));
        int before = telegram.sentTo(chat).size();

        chats.send(TelegramFixtures.text(chat, "nanti dulu ya"), chat);

        List<String> replies = telegram.sentTo(chat).stream().skip(before).map(FakeTelegram.Call::text).toList();
        assertEquals(1, replies.size(), "one reply: " + replies);
        assertTrue(replies.get(0).startsWith("Tidak apa-apa, tidak perlu buru-buru."), replies.get(0));
        SessionState state = state(Channel.TELEGRAM, String.valueOf(chat));
        assertEquals("consent", state.nodeId());
        assertTrue(!state.answers().containsKey("consent"), "nothing recorded");
    }

    /** "jangan sekarang" at consent on WhatsApp (session 22): a "not now", not a refusal (before: declined, chat ended). */
    @Test
    void notNowAtConsentOnWhatsAppIsNoRefusal() {
        String number = WhatsAppFixtures.newNumber();
        chats.walkWhatsApp(number, IntakeWalk.of("halo", "language:id"), WhatsAppFixtures::newWamid);
        int before = graph.sentTo(number).size();

        chats.sayWhatsApp(number, WhatsAppFixtures.newWamid(), "text.json", "jangan sekarang", null, null);

        List<String> replies = graph.sentTo(number).stream().skip(before).map(FakeGraph.Sent::text).toList();
        assertTrue(!replies.isEmpty() && replies.get(0).startsWith("Tidak apa-apa, tidak perlu buru-buru."), "the hold: " + replies);
        assertTrue(replies.stream().noneMatch(reply -> reply.contains("terima kasih sudah mampir")), "not declined: " + replies);
        SessionState state = state(Channel.WHATSAPP, number);
        assertEquals("consent", state.nodeId());
        chats.sayWhatsApp(number, WhatsAppFixtures.newWamid(), "text.json", "iya", null, null);
        assertEquals("yes", state(Channel.WHATSAPP, number).answers().get("consent").value());
    }

    /**
     * "bukan korban, saksi" at "Kejadian ini dialami siapa?" on WhatsApp (session 22): one option denied and another
     * named is the named one (before: asked again).
     */
    @Test
    void aDeniedAndANamedOptionOnWhatsAppIsTheNamedOne() {
        String number = WhatsAppFixtures.newNumber();
        chats.walkWhatsApp(number, IntakeWalk.of("halo", "language:id", "consent:yes", "in_danger:no", "safe_to_reply:yes"),
                WhatsAppFixtures::newWamid);

        chats.sayWhatsApp(number, WhatsAppFixtures.newWamid(), "text.json", "bukan korban, saksi", null, null);

        SessionState state = state(Channel.WHATSAPP, number);
        assertEquals("witness", state.answers().get("reporter_role").value());
        assertEquals("victim_knows", state.nodeId());
    }

    /** "di kosan" at "Di mana kejadiannya?" on Telegram, a place in a person's own words (session 22; before: asked again). */
    @Test
    void aPlaceInOwnWordsOnTelegramIsRead() {
        long chat = TelegramFixtures.newChatId();
        chats.send(TelegramFixtures.text(chat, "/start"), chat);
        chats.walkTelegram(chat, IntakeWalk.of("language:id", "consent:yes", "in_danger:no", "safe_to_reply:yes",
                "reporter_role:victim", "send_now:details", "violence_type:unwanted_messages", "violence_type:done",
                "incident_when:longer", "victim_minor:no"));
        assertEquals("incident_place", state(Channel.TELEGRAM, String.valueOf(chat)).nodeId());

        chats.send(TelegramFixtures.text(chat, "di kosan"), chat);

        SessionState state = state(Channel.TELEGRAM, String.valueOf(chat));
        assertEquals("other", state.answers().get("incident_place").value());
        assertEquals("chronology", state.nodeId());
    }

    /** The walk up to "Siapa namamu?" (the survivor offered their details), as buttons. */
    private static final String[] TO_NAME = {"language:id", "consent:yes", "in_danger:no", "safe_to_reply:yes",
            "reporter_role:victim", "send_now:details", "violence_type:unwanted_messages", "violence_type:done",
            "incident_when:longer", "victim_minor:no", "incident_place:campus", "chronology:skip", "biodata_offer:yes"};

    /**
     * "boleh tapi nanti" at "Kamu setuju dan mau lanjut?" on Telegram (session 23): a yes put off is no consent yet, the
     * question is held (before: the first word decided and the intake began); a second "later" in a row gets one message
     * on how to leave and come back, not the same text again.
     */
    @Test
    void aYesPutOffAtConsentOnTelegramIsHeldThenMovedOnKindly() {
        long chat = TelegramFixtures.newChatId();
        chats.send(TelegramFixtures.text(chat, "/start"), chat);
        chats.walkTelegram(chat, IntakeWalk.of("language:id"));
        int before = telegram.sentTo(chat).size();

        chats.send(TelegramFixtures.text(chat, "boleh tapi nanti"), chat);
        List<String> first = telegram.sentTo(chat).stream().skip(before).map(FakeTelegram.Call::text).toList();
        int middle = telegram.sentTo(chat).size();
        chats.send(TelegramFixtures.text(chat, "nanti dulu ya kak"), chat);
        List<String> second = telegram.sentTo(chat).stream().skip(middle).map(FakeTelegram.Call::text).toList();

        assertEquals(1, first.size(), "one reply: " + first);
        assertTrue(first.get(0).startsWith("Tidak apa-apa, tidak perlu buru-buru."), first.get(0));
        assertEquals(1, second.size(), "one reply, never a flood: " + second);
        assertTrue(second.get(0).contains("/mulai") && second.get(0).contains("/hapus"), second.get(0));
        SessionState state = state(Channel.TELEGRAM, String.valueOf(chat));
        assertEquals("consent", state.nodeId());
        assertTrue(!state.answers().containsKey("consent"), "nothing recorded");
    }

    /** "ok nanti ya" at consent on WhatsApp (session 23): held, then moved on kindly; a yes afterwards still goes on. */
    @Test
    void aYesPutOffAtConsentOnWhatsAppIsHeldThenMovedOnKindly() {
        String number = WhatsAppFixtures.newNumber();
        chats.walkWhatsApp(number, IntakeWalk.of("halo", "language:id"), WhatsAppFixtures::newWamid);
        int before = graph.sentTo(number).size();

        chats.sayWhatsApp(number, WhatsAppFixtures.newWamid(), "text.json", "ok nanti ya", null, null);
        List<String> first = graph.sentTo(number).stream().skip(before).map(FakeGraph.Sent::text).toList();
        int middle = graph.sentTo(number).size();
        chats.sayWhatsApp(number, WhatsAppFixtures.newWamid(), "text.json", "belum siap", null, null);
        List<String> second = graph.sentTo(number).stream().skip(middle).map(FakeGraph.Sent::text).toList();

        assertTrue(first.size() == 1 && first.get(0).startsWith("Tidak apa-apa, tidak perlu buru-buru."), "the hold: " + first);
        assertTrue(second.size() == 1 && second.get(0).contains("/mulai"), "moved on, one message: " + second);
        assertEquals("consent", state(Channel.WHATSAPP, number).nodeId());
        chats.sayWhatsApp(number, WhatsAppFixtures.newWamid(), "text.json", "iya", null, null);
        assertEquals("yes", state(Channel.WHATSAPP, number).answers().get("consent").value());
    }

    /**
     * "nanti aja" at "Siapa namamu?" and "rahasia" at "Apa gendermu?" on Telegram (session 23): the name is skipped, not
     * saved as "nanti aja" (before: it was the name); the gender is skipped, not asked again.
     */
    @Test
    void laterAtTheNameAndRatherNotSayAtGenderOnTelegramAreSkips() {
        long chat = TelegramFixtures.newChatId();
        chats.send(TelegramFixtures.text(chat, "/start"), chat);
        chats.walkTelegram(chat, IntakeWalk.of(TO_NAME));
        assertEquals("name", state(Channel.TELEGRAM, String.valueOf(chat)).nodeId());

        chats.send(TelegramFixtures.text(chat, "nanti aja"), chat);
        chats.walkTelegram(chat, IntakeWalk.of("age_range:25_34"));
        chats.send(TelegramFixtures.text(chat, "rahasia"), chat);

        SessionState state = state(Channel.TELEGRAM, String.valueOf(chat));
        assertTrue(state.answers().get("name").skipped() && state.answers().get("name").value() == null, "name skipped");
        assertTrue(state.answers().get("gender").skipped(), "gender skipped: " + state.answers().get("gender"));
        assertEquals("campus_status", state.nodeId());
    }

    /**
     * "skip aja kak" at the name and "prefer not to say" at gender on WhatsApp (session 23): skips (before: the name was
     * "skip aja kak", the gender asked again).
     */
    @Test
    void laterAtTheNameAndRatherNotSayAtGenderOnWhatsAppAreSkips() {
        String number = WhatsAppFixtures.newNumber();
        String[] walk = new String[TO_NAME.length + 1];
        walk[0] = "halo";
        System.arraycopy(TO_NAME, 0, walk, 1, TO_NAME.length);
        chats.walkWhatsApp(number, IntakeWalk.of(walk), WhatsAppFixtures::newWamid);
        assertEquals("name", state(Channel.WHATSAPP, number).nodeId());

        chats.sayWhatsApp(number, WhatsAppFixtures.newWamid(), "text.json", "skip aja kak", null, null);
        chats.walkWhatsApp(number, IntakeWalk.of("age_range:25_34"), WhatsAppFixtures::newWamid);
        chats.sayWhatsApp(number, WhatsAppFixtures.newWamid(), "text.json", "prefer not to say", null, null);

        SessionState state = state(Channel.WHATSAPP, number);
        assertTrue(state.answers().get("name").skipped() && state.answers().get("name").value() == null, "name skipped");
        assertTrue(state.answers().get("gender").skipped(), "gender skipped: " + state.answers().get("gender"));
        assertEquals("campus_status", state.nodeId());
    }

    private static void assertAskedAgain(List<String> replies, SessionState state) {
        assertTrue(!replies.isEmpty() && replies.get(0).startsWith("Maaf, saya belum mengerti."), "the re-prompt: " + replies);
        assertTrue(replies.stream().noneMatch(reply -> reply.contains(EMERGENCY)), "no emergency numbers: " + replies);
        assertEquals("in_danger", state.nodeId());
        assertTrue(!state.answers().containsKey("in_danger"), "nothing recorded");
    }

    private SessionState state(Channel channel, String externalId) {
        long contactId = chats.contact(channel, externalId).id;
        return QuarkusTransaction.requiringNew().call(() -> SessionStateJson.read(sessions.findByContact(contactId).orElseThrow().state));
    }
}
