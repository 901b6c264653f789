package id.ruangaman.inbox;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import id.ruangaman.audit.AuditAction;
import id.ruangaman.audit.AuditLog;
import id.ruangaman.conversation.MediaKind;
import id.ruangaman.security.Role;
import id.ruangaman.testing.CsrfForms;
import id.ruangaman.transcript.MediaStaging;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Walkthrough 9, findings 17 and 15: the audit log names accounts, messages, evidence and providers ("Akun sari", not
 * "Akun #2") and shows a lock's end in the inbox's zone ("2026-12-01 08:16 WIB", not an instant with nanoseconds);
 * the Akun page shows a locked account as locked, until when, and that a reset unlocks it, and after the reset (through
 * the page's own form) says it was done. The lock is made the way a person makes it: wrong passwords at the login.
 */
@QuarkusTest
class AuditLogReadableTest {

    private static final Pattern WIB = Pattern.compile("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d WIB");

    @Inject
    InboxFixtures fixtures;
    @Inject
    AuditLog audit;
    @Inject
    MediaStaging staging;
    @Inject
    EntityManager em;

    @Test
    void shouldNameWhatTheAuditLogRecordsAndShowTheLockInWib() {
        fixtures.account("readable-coordinator", Role.COORDINATOR);
        String session = InboxFixtures.login("readable-coordinator");
        String user = "readable-" + UUID.randomUUID().toString().substring(0, 8);
        long userId = fixtures.account(user, Role.COUNSELLOR).id;
        for (int i = 0; i < 6; i++) {
            InboxFixtures.login(user, "wrong-password-" + i);
        }

        // The Akun page: locked, until when (WIB), and that Buka kunci or a reset unlocks it.
        String accounts = InboxFixtures.getAs(session).when().get("/inbox/accounts").then().statusCode(200).extract().asString();
        String row = row(accounts, user);
        assertTrue(row.contains("DIKUNCI") && row.contains("Buka kuncinya sekarang dengan tombol Buka kunci, atau dengan mengatur ulang kata sandi"), row);
        assertTrue(WIB.matcher(row).find(), row);
        assertFalse(row.contains(">aktif<"), "a locked account shown as active: " + row);

        // Reset through the page's own form for that account.
        Matcher form = Pattern.compile("<form method=\"post\" action=\"(/inbox/accounts/" + userId + "/password)\"").matcher(accounts);
        assertTrue(form.find());
        var answer = InboxFixtures.getAs(session).contentType(io.restassured.http.ContentType.URLENC)
                .formParam("csrf-token", CsrfForms.tokenIn(accounts)).formParam("password", "a-new-synthetic-password")
                .when().post(form.group(1));
        answer.then().statusCode(303);
        assertFalse(answer.header("Location").contains("?"), "nothing in the URL: " + answer.header("Location"));
        String after = InboxFixtures.getAs(session).cookie("ruangaman-saved", answer.getCookie("ruangaman-saved")).when()
                .get(answer.header("Location")).then().statusCode(200).extract().asString();
        assertTrue(after.contains("Kata sandi " + user + " sudah diatur ulang dan kunci akunnya dibuka"), after);
        assertTrue(row(after, user).contains(">aktif<") && !row(after, user).contains("DIKUNCI"), row(after, user));
        assertTrue(InboxFixtures.login(user, "a-new-synthetic-password").cookie("ruangaman-session") != null, "the reset unlocked it");

        // Rows about a case: a reply (message), an opened file (media) and a provider, by name and time.
        String ref = fixtures.submittedCase(true);
        long contact = fixtures.contactOf(ref);
        long media = staging.stage(contact, "test:" + UUID.randomUUID(), MediaKind.PHOTO, "image/png",
                "synthetic".getBytes(StandardCharsets.UTF_8), false);
        Object[] ids = QuarkusTransaction.requiringNew().call(() -> new Object[] {
                em.createNativeQuery("select id from intake where reference_code = ?1").setParameter(1, ref).getSingleResult(),
                em.createNativeQuery("select max(id) from chat_message where contact_id = ?1").setParameter(1, contact).getSingleResult(),
                em.createNativeQuery("select id from referral_provider order by id limit 1").getSingleResult(),
                em.createNativeQuery("select name from referral_provider order by id limit 1").getSingleResult() });
        long intake = ((Number) ids[0]).longValue();
        QuarkusTransaction.requiringNew().run(() -> {
            audit.record("readable-coordinator", AuditAction.REPLY, intake, "message:" + ids[1]);
            audit.record("readable-coordinator", AuditAction.MEDIA_VIEW, intake, "media:" + media);
            audit.record("readable-coordinator", AuditAction.ASSIGN, intake, "assignee:" + userId);
            audit.record("readable-coordinator", AuditAction.PROVIDER_CHANGE, intake, "provider:" + ids[2] + " edit");
        });
        String log = InboxFixtures.getAs(session).when().get("/inbox/audit?ref=" + ref).then().statusCode(200).extract().asString();
        assertTrue(Pattern.compile("Pesan " + WIB.pattern()).matcher(log).find(), log);
        assertTrue(Pattern.compile("Bukti Foto, " + WIB.pattern()).matcher(log).find(), log);
        assertTrue(log.contains("Penanggung jawab: " + user), log);
        assertTrue(log.contains("Penyedia " + ids[3]), log);

        String accountRows = InboxFixtures.getAs(session).when().get("/inbox/audit?actor=" + user).then().statusCode(200).extract().asString()
                + InboxFixtures.getAs(session).when().get("/inbox/audit?actor=readable-coordinator&action=password_reset").then()
                        .statusCode(200).extract().asString();
        assertTrue(Pattern.compile("Sampai: " + WIB.pattern()).matcher(accountRows).find(), accountRows);
        assertTrue(accountRows.contains("Akun " + user), accountRows);
        for (String code : new String[] { "Akun #", "Pesan #", "Bukti #", "Penyedia #" }) {
            assertFalse(accountRows.contains(code) || log.contains(code), "an id as a name: " + code);
        }
        assertFalse(Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:").matcher(accountRows + log).find(), "a raw instant");
    }

    private static String row(String html, String username) {
        Matcher m = Pattern.compile("(?s)<tr>\\s*<td>" + Pattern.quote(username) + "</td>(.*?)</tr>").matcher(html);
        assertTrue(m.find(), username + " not on the Akun page");
        return m.group(1);
    }
}
