package id.ruangaman.privacy;

import static id.ruangaman.inbox.InboxFixtures.as;
import static id.ruangaman.inbox.InboxFixtures.getAs;
import static id.ruangaman.inbox.InboxFixtures.login;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import id.ruangaman.transcript.ChatMessage;
import id.ruangaman.transcript.Media;
import id.ruangaman.inbox.CaseFileRepository;
import id.ruangaman.inbox.InboxEventFeed;
import id.ruangaman.inbox.InboxFixtures;
import id.ruangaman.referral.ReferralTestData;
import id.ruangaman.security.Account;
import id.ruangaman.security.AccountService;
import id.ruangaman.security.Role;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.response.Response;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The smaller holes of issue 13: referral messages honour "the chat is not safe"; evidence keeps a sandbox CSP and
 * downloads active types; the live-event stream replays only cases the account may see and ends for a
 * deactivated account.
 */
@QuarkusTest
class SmallerHolesTest {

    @Inject
    InboxFixtures fixtures;
    @Inject
    ReferralTestData data;
    @Inject
    CaseFileRepository cases;
    @Inject
    InboxEventFeed feed;
    @Inject
    AccountService accounts;
    @Inject
    EntityManager em;
    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @Test
    void shouldAskConfirmationBeforeAnyReferralMessageToAnUnsafeChat() {
        fixtures.account("unsafe-counsellor", Role.COUNSELLOR);
        String session = login("unsafe-counsellor");
        String ref = fixtures.submittedCase(false); // the survivor said the chat is not safe
        long contact = data.contactOf(ref);
        String location = as(session).formParam("provider", String.valueOf(data.provider("contoh-lbh"))).formParam("service", "legal")
                .formParam("part", "needs").post("/inbox/cases/" + ref + "/referrals").then().statusCode(303).extract().header("Location");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        long before = outCount(contact);

        assertTrue(getAs(session).get("/inbox/referrals/" + id).asString().contains("acknowledge_unsafe"), "no confirmation box");
        as(session).post("/inbox/referrals/" + id + "/ask").then().statusCode(409);
        assertEquals("draft", data.referral(id).status);
        assertEquals(before, outCount(contact), "nothing may reach an unsafe chat unconfirmed");
        as(session).formParam("acknowledge_unsafe", "yes").post("/inbox/referrals/" + id + "/ask").then().statusCode(303);
        assertEquals(before + 1, outCount(contact));

        data.press(contact, "_ref" + id + ":yes");
        long consented = outCount(contact);
        for (String step : List.of("sent", "accepted")) {
            as(session).formParam("status", step).post("/inbox/referrals/" + id + "/status").then().statusCode(409);
            assertEquals(consented, outCount(contact), step + " messaged an unsafe chat unconfirmed");
            as(session).formParam("status", step).formParam("acknowledge_unsafe", "yes").post("/inbox/referrals/" + id + "/status")
                    .then().statusCode(303);
            assertEquals(step, data.referral(id).status);
            consented = outCount(contact);
        }
    }

    @Test
    void shouldServeEvidenceSandboxedAndDownloadActiveTypes() {
        fixtures.account("evidence-coordinator", Role.COORDINATOR);
        String session = login("evidence-coordinator");
        String ref = fixtures.submittedCase(true);
        long contact = data.contactOf(ref);
        long intake = data.intakeOf(ref);
        long svg = media(contact, intake, "image/svg+xml", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>");
        long html = media(contact, intake, "text/html", "<script>alert(1)</script>");
        long png = media(contact, intake, "image/png", "png-bytes");
        for (long active : List.of(svg, html)) {
            Response response = getAs(session).get("/inbox/cases/" + ref + "/media/" + active);
            response.then().statusCode(200);
            assertTrue(response.header("Content-Security-Policy").contains("sandbox"), response.header("Content-Security-Policy"));
            assertTrue(response.header("Content-Disposition").startsWith("attachment"), response.header("Content-Disposition"));
            assertEquals("application/octet-stream", response.contentType());
        }
        Response image = getAs(session).get("/inbox/cases/" + ref + "/media/" + png);
        assertTrue(image.header("Content-Security-Policy").contains("sandbox"), "a previewed image is sandboxed too");
        assertEquals("nosniff", image.header("X-Content-Type-Options"));
    }

    /**
     * A survivor's PDF downloaded from the case page opens with a double click: the file is named after its type
     * ({@code evidence-N.pdf}), not a bare {@code evidence-N} the computer cannot open. An active type (HTML, SVG)
     * keeps a name without an extension, so a double click never opens it as a page.
     */
    @Test
    void shouldNameEachDownloadWithTheExtensionOfItsType() {
        fixtures.account("download-name-coordinator", Role.COORDINATOR);
        String session = login("download-name-coordinator");
        String ref = fixtures.submittedCase(true);
        long contact = data.contactOf(ref);
        long intake = data.intakeOf(ref);
        long pdf = media(contact, intake, "application/pdf", "%PDF-1.4 synthetic");
        long jpeg = media(contact, intake, "image/jpeg", "jpeg-bytes");
        long voice = media(contact, intake, "audio/ogg", "ogg-bytes");
        long word = media(contact, intake, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx-bytes");
        long html = media(contact, intake, "text/html", "<p>synthetic</p>");
        long svg = media(contact, intake, "image/svg+xml", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        long unknown = media(contact, intake, null, "bytes");
        assertEquals("attachment; filename=\"evidence-" + pdf + ".pdf\"", disposition(session, ref, pdf));
        assertEquals("inline; filename=\"evidence-" + jpeg + ".jpg\"", disposition(session, ref, jpeg));
        assertEquals("inline; filename=\"evidence-" + voice + ".ogg\"", disposition(session, ref, voice));
        assertEquals("attachment; filename=\"evidence-" + word + ".docx\"", disposition(session, ref, word));
        assertEquals("attachment; filename=\"evidence-" + html + "\"", disposition(session, ref, html));
        assertEquals("attachment; filename=\"evidence-" + svg + "\"", disposition(session, ref, svg));
        assertEquals("attachment; filename=\"evidence-" + unknown + "\"", disposition(session, ref, unknown));
    }

    private static String disposition(String session, String ref, long media) {
        Response response = getAs(session).get("/inbox/cases/" + ref + "/media/" + media);
        response.then().statusCode(200);
        return response.header("Content-Disposition");
    }

    @Test
    void shouldReplayOnlyVisibleCasesAndEndTheStreamOfADeactivatedAccount() throws Exception {
        Account a = fixtures.account("stream-a", Role.COUNSELLOR);
        Account b = fixtures.account("stream-b", Role.COUNSELLOR);
        // Read from just before this case: in the whole suite, earlier events fill the first page of a replay from 0.
        id.ruangaman.inbox.InboxEventFeed.Cursor from = feed.mark();
        String ref = fixtures.submittedCase(true);
        QuarkusTransaction.requiringNew().run(() -> cases.findByReference(ref).orElseThrow().assigneeId = a.id);
        assertTrue(feed.after(from, a.id, false).stream().anyMatch(item -> item.referenceCode().equals(ref)));
        assertFalse(feed.after(from, b.id, false).stream().anyMatch(item -> item.referenceCode().equals(ref)),
                "a replay shows a case assigned to someone else");

        String session = login("stream-b");
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<InputStream> stream = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/inbox/events?after=" + from))
                .header("Cookie", "ruangaman-session=" + session).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, stream.statusCode());
        CompletableFuture<String> whole = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                StringBuilder read = new StringBuilder();
                String line;
                while ((line = reader.readLine()) != null) {
                    read.append(line).append('\n');
                }
                return read.toString();
            } catch (java.io.IOException e) {
                return "closed: " + e.getMessage();
            }
        });
        Thread.sleep(1500);
        accounts.setActive("test-coordinator", b.id, false);
        Instant deactivated = Instant.now();
        String received = whole.get(60, TimeUnit.SECONDS); // the stream ends by itself
        assertFalse(received.contains(ref), "the stream replayed a case assigned to someone else");
        System.out.printf("[stream] ended %d ms after the deactivation%n", Duration.between(deactivated, Instant.now()).toMillis());
        accounts.setActive("test-coordinator", b.id, true);
    }

    private long outCount(long contactId) {
        return data.transcript(contactId).stream().filter(m -> m.direction == ChatMessage.Direction.OUT).count();
    }

    private long media(long contactId, long intakeId, String mime, String content) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Media item = new Media();
            item.contactId = contactId;
            item.intakeId = intakeId;
            item.kind = "document";
            item.mimeType = mime;
            item.content = content.getBytes(StandardCharsets.UTF_8);
            item.sizeBytes = item.content.length;
            item.claimed = true;
            item.createdAt = Instant.now();
            em.persist(item);
            return item.id;
        });
    }
}
