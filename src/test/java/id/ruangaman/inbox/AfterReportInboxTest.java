package id.ruangaman.inbox;

import static id.ruangaman.inbox.InboxFixtures.getAs;
import static io.restassured.RestAssured.given;
import static id.ruangaman.inbox.LabelCoverageTest.visibleText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import id.ruangaman.security.Role;
import id.ruangaman.testing.Eventually;
import id.ruangaman.testing.RenderedForm;
import id.ruangaman.testing.TelegramFixtures;
import id.ruangaman.testing.WebhookTest;
import id.ruangaman.testing.WhatsAppFixtures;
import id.ruangaman.transcript.Channel;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What a counsellor reading the inbox in English sees after a survivor's report in Indonesian (session 7's "Noticed,
 * not fixed", after the report and inbox), over the platforms' real webhook payloads and the rendered pages (login
 * and the language switch through their forms):
 * <ul>
 * <li>a press of a button that is no longer current (an earlier prompt's, the summary's, or "Kirim laporan" tapped
 * again) is kept in the transcript as a quiet line, not as a message from the survivor: it counts as no unread
 * message and the team is not told of a new message. The survivor's next real message still is both;</li>
 * <li>taking the summary's buttons off on Telegram is no line of the transcript;</li>
 * <li>a pressed button reads in the counsellor's language, with the words the survivor actually tapped beside it
 * ("Tapped: Me (the reporter chose “Saya sendiri”)"), as a typed answer shows what was typed;</li>
 * <li>the canned replies are named in the counsellor's language; their texts stay in the survivor's, since they are
 * sent to the survivor, and the box says which language that is.</li>
 * </ul>
 */
@QuarkusTest
class AfterReportInboxTest extends WebhookTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Pattern LINE = Pattern.compile("(?s)<li id=\"msg-[0-9]+\" class=\"([^\"]*)\"[^>]*>(.*?)</li>");

    @Inject
    InboxFixtures fixtures;

    /** Buttons no longer current once the report is in, labelled. */
    static Stream<Arguments> staleButtons() {
        return Stream.of(
                Arguments.of("the summary's Ubah jawaban", "summary:edit"),
                Arguments.of("an old question's button", "reporter_role:witness"),
                Arguments.of("Kirim laporan tapped again (a double tap)", "summary:confirm"));
    }

    @ParameterizedTest(name = "Telegram: {0}")
    @MethodSource("staleButtons")
    void shouldShowAStalePressAsAQuietLineAndTheChatInTheCounsellorsLanguage(String label, String data) {
        long chat = chats.reportedTelegramChat("Kronologi sintetis untuk uji kotak masuk.");
        String ref = chats.referenceOf(chat);
        int summary = telegram.lastButtonsMessageId(chat);
        Eventually.await("the summary's buttons taken off", WAIT, () -> !telegram.calls(call -> call.method().equals("editMessageReplyMarkup")
                && String.valueOf(chat).equals(call.chatId()) && String.valueOf(summary).equals(String.valueOf(call.body().get("message_id"))))
                .isEmpty());
        Reader counsellor = Reader.inEnglish(fixtures, "afterreport-counsellor");

        String page = counsellor.get("/inbox/cases/" + ref);
        List<String[]> before = lines(page);
        // Every expectation is checked and all that fail are reported together.
        List<String> wrong = new ArrayList<>();
        expect(wrong, before.stream().noneMatch(line -> visibleText(line[1]).contains("old buttons removed")
                || visibleText(line[1]).contains("tombol lama")), "the buttons' removal is no line of the transcript");
        String transcript = visibleText(page);
        expect(wrong, transcript.contains("Tapped: Me (the reporter chose \u201cSaya sendiri\u201d)"), "the role button as tapped");
        expect(wrong, transcript.contains("Tapped: Send report (the reporter chose \u201cKirim laporan\u201d)"), "the send button as tapped");
        cannedRepliesNamedInEnglishWithIndonesianTexts(wrong, page);

        chats.send(TelegramFixtures.button(chat, data), chat);

        // The list first: reading the transcript marks the case read.
        expect(wrong, counsellor.unread(ref) == 0, label + ": not unread");
        expect(wrong, fixtures.threadNotifiedAt(ref) == null, label + ": the team is not told of a new message");
        List<String[]> after = lines(counsellor.get("/inbox/cases/" + ref + "/transcript"));
        List<String[]> quiet = after.stream().filter(line -> line[0].contains("quiet")).toList();
        expect(wrong, quiet.size() == 1 && visibleText(quiet.get(0)[1]).contains("Tapped an old button (no longer in use, not a new message)"),
                label + ": one quiet line for the press");
        expect(wrong, survivorMessages(before).equals(survivorMessages(after)), label + ": no new message from the survivor");
        assertEquals(List.of(), wrong, transcript);

        chats.send(TelegramFixtures.text(chat, "terima kasih kak"), chat);
        assertEquals(1, counsellor.unread(ref), "the survivor's real message is unread");
        assertNotNull(fixtures.threadNotifiedAt(ref), "and the team is told of it");
        assertTrue(visibleText(counsellor.get("/inbox/cases/" + ref + "/transcript")).contains("terima kasih kak"));
    }

    @ParameterizedTest(name = "WhatsApp: {0}")
    @MethodSource("staleButtons")
    void shouldNotCountAStaleWhatsAppTapAsAMessage(String label, String data) {
        String number = chats.reportedWhatsAppNumber("Kronologi sintetis untuk uji kotak masuk WhatsApp.");
        String ref = chats.referenceOf(Channel.WHATSAPP, number);
        Reader counsellor = Reader.inEnglish(fixtures, "afterreport-wa-counsellor");
        List<String[]> before = lines(counsellor.get("/inbox/cases/" + ref));

        chats.tapWhatsApp(number, WhatsAppFixtures.newWamid(), data);

        List<String> wrong = new ArrayList<>();
        expect(wrong, counsellor.unread(ref) == 0, label + ": not unread"); // first: reading the transcript marks the case read
        expect(wrong, fixtures.threadNotifiedAt(ref) == null, label + ": the team is not told of a new message");
        List<String[]> after = lines(counsellor.get("/inbox/cases/" + ref + "/transcript"));
        expect(wrong, after.stream().filter(line -> line[0].contains("quiet")).count() == 1, label + ": one quiet line for the tap");
        expect(wrong, survivorMessages(before).equals(survivorMessages(after)), label + ": no new message from the survivor");
        assertEquals(List.of(), wrong);
    }

    private static void expect(List<String> wrong, boolean holds, String what) {
        if (!holds) {
            wrong.add(what);
        }
    }

    private static void cannedRepliesNamedInEnglishWithIndonesianTexts(List<String> wrong, String page) {
        Matcher option = Pattern.compile("<option value=\"first_contact\" data-text=\"([^\"]*)\">([^<]*)</option>").matcher(page);
        assertTrue(option.find(), "no canned first contact");
        expect(wrong, "First contact".equals(option.group(2)), "a canned reply named in the counsellor's language: " + option.group(2));
        expect(wrong, option.group(1).startsWith("Halo, saya konselor"), "its text in the survivor's: " + option.group(1));
        expect(wrong, visibleText(page).contains("texts in the reporter's language: Indonesian"), "the box says which language");
    }

    /** The survivor's lines that read as messages: {class, inner html} of each line not quiet and by the survivor. */
    private static List<String> survivorMessages(List<String[]> lines) {
        return lines.stream().filter(line -> line[0].contains("msg in") && !line[0].contains("quiet")).map(line -> line[1]).toList();
    }

    private static List<String[]> lines(String html) {
        List<String[]> out = new ArrayList<>();
        Matcher line = LINE.matcher(html);
        while (line.find()) {
            out.add(new String[] { line.group(1), line.group(2) });
        }
        return out;
    }

    /** A counsellor logged in through the rendered login form, who switched the inbox to English with its form. */
    private record Reader(String session, String language) {

        static Reader inEnglish(InboxFixtures fixtures, String username) {
            fixtures.account(username, Role.COUNSELLOR);
            String login = given().when().get("/login").then().statusCode(200).extract().asString();
            String session = RenderedForm.holding(login, "login").with("j_username", username)
                    .with("j_password", InboxFixtures.PASSWORD).submit(null).then().extract().cookie("ruangaman-session");
            assertNotNull(session, "logged in");
            String inbox = getAs(session).when().get("/inbox").then().statusCode(200).extract().asString();
            RenderedForm toEnglish = RenderedForm.holding(inbox, "switch-language");
            assertEquals(List.of("en"), toEnglish.values("lang"));
            String language = toEnglish.submit(session).then().statusCode(303).extract().cookie("ruangaman-lang");
            assertEquals("en", language);
            return new Reader(session, language);
        }

        String get(String path) {
            return getAs(session).cookie("ruangaman-lang", language).when().get(path).then().statusCode(200).extract().asString();
        }

        /** The unread count the case list shows for {@code ref} (0 when it shows none). */
        long unread(String ref) {
            String list = get("/inbox?ref=" + ref);
            Matcher row = Pattern.compile("(?s)<tr[^>]*data-ref=\"" + Pattern.quote(ref) + "\">(.*?)</tr>").matcher(list);
            assertTrue(row.find(), "no row for " + ref);
            Matcher unread = Pattern.compile("<span class=\"unread\">([0-9]+)</span>").matcher(row.group(1));
            return unread.find() ? Long.parseLong(unread.group(1)) : 0;
        }
    }
}
