package id.ruangaman.thread;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import id.ruangaman.testing.FakeGraph;
import id.ruangaman.testing.FakePlatforms;
import id.ruangaman.testing.FakeTelegram;
import id.ruangaman.testing.IntakeWalk;
import id.ruangaman.testing.TelegramFixtures;
import id.ruangaman.testing.WhatsAppFixtures;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Issue 12 on the packaged jar, as an operator runs it, with the fake Telegram Bot API: a survivor reports, a
 * counsellor logs in and replies through the rendered case page, the survivor answers with text and a photo. The
 * survivor never hears "the conversation has ended"; the answer and the photo are on the case page as the survivor's;
 * the photo is stored encrypted. The same on WhatsApp, where the survivor gave no evidence consent in the intake and
 * is asked once before the photo is kept.
 */
class CaseThreadPackagedIT {

    private static final Path JAR = Path.of(System.getProperty("ruangaman.packaged.jar", "target/quarkus-app/quarkus-run.jar"));
    private static final String TOKEN = "123456:PACKAGED-thread-token";
    private static final String SECRET = "packaged-thread-secret_1";
    private static final String ADMIN = "thread-coordinator";
    private static final String PASSWORD = "synthetic-Passw0rd-for-IT";

    private static EmbeddedPostgres database;
    private static FakeTelegram telegram;
    private static FakeGraph graph;
    private static Process service;
    private static Path log;
    private static int port;
    private static final HttpClient WEBHOOK = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeAll
    static void start() throws Exception {
        database = EmbeddedPostgres.builder().start();
        telegram = new FakeTelegram();
        graph = new FakeGraph(FakePlatforms.WHATSAPP_TOKEN);
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        log = Files.createTempFile("thread-packaged-", ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx384m", "-jar", JAR.toAbsolutePath().toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("QUARKUS_") || key.startsWith("RUANGAMAN_")
                || key.startsWith("TELEGRAM_") || key.startsWith("WHATSAPP_"));
        builder.environment().putAll(Map.ofEntries(
                Map.entry("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:" + database.getPort() + "/postgres"),
                Map.entry("QUARKUS_DATASOURCE_USERNAME", "postgres"),
                Map.entry("QUARKUS_DATASOURCE_PASSWORD", "postgres"),
                Map.entry("QUARKUS_HTTP_PORT", String.valueOf(port)),
                Map.entry("RUANGAMAN_DATA_KEY", Base64.getEncoder().encodeToString("thread-it-data-key-32-bytes-long".getBytes(StandardCharsets.US_ASCII))),
                Map.entry("RUANGAMAN_ADMIN_USERNAME", ADMIN),
                Map.entry("RUANGAMAN_ADMIN_PASSWORD", PASSWORD),
                Map.entry("TELEGRAM_BOT_TOKEN", TOKEN),
                Map.entry("TELEGRAM_WEBHOOK_SECRET", SECRET),
                Map.entry("TELEGRAM_API_URL", telegram.baseUrl()),
                Map.entry("TELEGRAM_REQUEST_TIMEOUT", "3S"),
                Map.entry("TELEGRAM_PER_CHAT_BURST", "30"),
                Map.entry("WHATSAPP_ACCESS_TOKEN", FakePlatforms.WHATSAPP_TOKEN),
                Map.entry("WHATSAPP_APP_SECRET", FakePlatforms.WHATSAPP_APP_SECRET),
                Map.entry("WHATSAPP_VERIFY_TOKEN", FakePlatforms.WHATSAPP_VERIFY_TOKEN),
                Map.entry("WHATSAPP_PHONE_NUMBER_ID", "100200300"),
                Map.entry("WHATSAPP_API_URL", graph.apiUrl()),
                Map.entry("WHATSAPP_PER_USER_BURST", "200"),
                Map.entry("RUANGAMAN_CHANNELS_POLL_INTERVAL", "200ms")));
        service = builder.start();
        await("ready", Duration.ofSeconds(180), CaseThreadPackagedIT::ready);
    }

    @AfterAll
    static void stop() throws Exception {
        if (service != null) {
            service.destroy();
            service.waitFor(30, TimeUnit.SECONDS);
        }
        telegram.close();
        graph.close();
        database.close();
    }

    @Test
    void shouldKeepTheChatOpenAsTheCaseThread() throws Exception {
        long chat = TelegramFixtures.newChatId();
        send(TelegramFixtures.render("start_command.json", chat));
        for (String update : IntakeWalk.shortVictim(true, "Kronologi sintetis (packaged).", "yes", "psychological").telegram(chat)) {
            send(update);
        }
        String ref = string("select reference_code from intake where channel = 'TELEGRAM'");

        HttpClient inbox = loggedIn();
        String page = get(inbox, "/inbox/cases/" + ref);
        String question = "Halo, terima kasih. Kapan kejadiannya? (sintetis " + ref + ")";
        HttpResponse<String> reply = inbox.send(form("/inbox/cases/" + ref + "/reply", Map.of("text", question,
                "csrf-token", csrf(page, "/inbox/cases/" + ref + "/reply"))), HttpResponse.BodyHandlers.ofString());
        assertEquals(303, reply.statusCode(), reply.body());
        await("reply delivered", Duration.ofSeconds(30), () -> telegram.sentTo(chat).stream()
                .anyMatch(call -> ("Konselor Satgas:\n" + question).equals(call.text())));
        int before = telegram.sentTo(chat).size();

        String answer = "Minggu lalu, sore hari (jawaban sintetis " + ref + ")";
        send(TelegramFixtures.text(chat, answer));
        byte[] photo = ("packaged-photo-" + chat).getBytes(StandardCharsets.UTF_8);
        telegram.file("packaged-photo-" + chat, photo);
        send(TelegramFixtures.render("photo.json", TelegramFixtures.newUpdateId(), chat, TelegramFixtures.nextMessageId(), null, null,
                "packaged-photo-" + chat, photo.length));
        List<FakeTelegram.Call> after = telegram.sentTo(chat).subList(before, telegram.sentTo(chat).size());
        assertTrue(after.stream().noneMatch(call -> call.text().contains("sudah selesai")), "told the conversation ended");
        assertEquals(1, after.size(), "one acknowledgement: " + after.stream().map(FakeTelegram.Call::text).toList());

        String casePage = get(inbox, "/inbox/cases/" + ref);
        Matcher line = Pattern.compile("<li (?:id=\"[^\"]*\" )?class=\"msg in[^\"]*\"[^>]*data-author=\"SURVIVOR\">(?:(?!</li>).)*"
                + Pattern.quote(answer), Pattern.DOTALL).matcher(casePage);
        assertTrue(line.find(), "the answer is on the case page as the survivor's");
        assertTrue(casePage.contains("Konselor " + ADMIN), "the reply names its author in the inbox");
        Matcher link = Pattern.compile("data-author=\"SURVIVOR\">(?:(?!</li>).)*href=\"/inbox/cases/" + Pattern.quote(ref)
                + "/media/(\\d+)\"", Pattern.DOTALL).matcher(casePage);
        assertTrue(link.find(), "the photo is on the case page, from the survivor");
        HttpResponse<byte[]> media = inbox.send(HttpRequest.newBuilder(url("/inbox/cases/" + ref + "/media/" + link.group(1))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, media.statusCode());
        assertArrayEquals(photo, media.body());
        byte[] stored = bytes("select content from media where id = " + Long.parseLong(link.group(1)));
        assertFalse(new String(stored, StandardCharsets.ISO_8859_1).contains(new String(photo, StandardCharsets.ISO_8859_1)),
                "the photo is stored encrypted");
    }

    @Test
    void shouldDoTheSameOnWhatsAppAskingBeforeKeepingAPhotoWithoutEvidenceConsent() throws Exception {
        String number = WhatsAppFixtures.newNumber();
        sayWhatsApp(WhatsAppFixtures.text(number, "halo"));
        for (String payload : IntakeWalk.shortVictim(true, "Kronologi sintetis (packaged, WhatsApp).", "no", "psychological")
                .whatsApp(number)) {
            sayWhatsApp(payload);
        }
        String ref = string("select reference_code from intake where channel = 'WHATSAPP'");

        HttpClient inbox = loggedIn();
        String page = get(inbox, "/inbox/cases/" + ref);
        String question = "Halo dari Satgas. Ada bukti yang ingin kamu kirim? (sintetis " + ref + ")";
        HttpResponse<String> reply = inbox.send(form("/inbox/cases/" + ref + "/reply", Map.of("text", question,
                "csrf-token", csrf(page, "/inbox/cases/" + ref + "/reply"))), HttpResponse.BodyHandlers.ofString());
        assertEquals(303, reply.statusCode(), reply.body());
        await("reply delivered", Duration.ofSeconds(30), () -> graph.sentTo(number).stream()
                .anyMatch(sent -> ("Konselor Satgas:\n" + question).equals(sent.text())));

        String answer = "Ada, ini fotonya (jawaban sintetis " + ref + ")";
        sayWhatsApp(WhatsAppFixtures.text(number, answer));
        byte[] photo = ("packaged-wa-photo-" + number).getBytes(StandardCharsets.UTF_8);
        graph.media("packaged-media-" + number, photo);
        sayWhatsApp(WhatsAppFixtures.payload(number, List.of(WhatsAppFixtures.message("image.json", number,
                WhatsAppFixtures.newWamid(), null, null, "packaged-media-" + number))));
        sayWhatsApp(WhatsAppFixtures.button(number, "_keep:yes"));
        assertTrue(graph.sentTo(number).stream().noneMatch(sent -> sent.text().contains("sudah selesai")), "told the conversation ended");

        String casePage = get(inbox, "/inbox/cases/" + ref);
        assertTrue(Pattern.compile("<li (?:id=\"[^\"]*\" )?class=\"msg in[^\"]*\"[^>]*data-author=\"SURVIVOR\">(?:(?!</li>).)*" + Pattern.quote(answer),
                Pattern.DOTALL).matcher(casePage).find(), "the answer is on the case page as the survivor's");
        Matcher link = Pattern.compile("data-author=\"SURVIVOR\">(?:(?!</li>).)*href=\"/inbox/cases/" + Pattern.quote(ref)
                + "/media/(\\d+)\"", Pattern.DOTALL).matcher(casePage);
        assertTrue(link.find(), "the photo is on the case page, from the survivor");
        HttpResponse<byte[]> media = inbox.send(HttpRequest.newBuilder(url("/inbox/cases/" + ref + "/media/" + link.group(1))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertArrayEquals(photo, media.body());
        byte[] stored = bytes("select content from media where id = " + Long.parseLong(link.group(1)));
        assertFalse(new String(stored, StandardCharsets.ISO_8859_1).contains(new String(photo, StandardCharsets.ISO_8859_1)),
                "the photo is stored encrypted");
    }

    private static HttpClient loggedIn() throws Exception {
        HttpClient inbox = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        inbox.send(HttpRequest.newBuilder(url("/login")).build(), HttpResponse.BodyHandlers.discarding());
        HttpResponse<String> login = inbox.send(form("/j_security_check", Map.of("j_username", ADMIN, "j_password", PASSWORD)),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(302, login.statusCode(), "login");
        return inbox;
    }

    /** Posts a signed WhatsApp payload and waits until it and the replies it caused are done. */
    private static void sayWhatsApp(String payload) throws Exception {
        HttpResponse<String> response = WEBHOOK.send(HttpRequest.newBuilder(url("/webhooks/whatsapp"))
                .header("Content-Type", "application/json").header("X-Hub-Signature-256", WhatsAppFixtures.signature(payload))
                .POST(HttpRequest.BodyPublishers.ofString(payload)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        awaitSettled();
    }

    // --- helpers ------------------------------------------------------------------------------------

    /** Posts an update like Telegram does and waits until it and the replies it caused are done. */
    private static void send(String update) throws Exception {
        HttpResponse<String> response = WEBHOOK.send(HttpRequest.newBuilder(url("/webhooks/telegram"))
                .header("Content-Type", "application/json").header("X-Telegram-Bot-Api-Secret-Token", SECRET)
                .POST(HttpRequest.BodyPublishers.ofString(update)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        awaitSettled();
    }

    private static void awaitSettled() throws InterruptedException {
        await("processed", Duration.ofSeconds(30), () -> number("select count(*) from inbound_update where status = 'PENDING'") == 0
                && number("select count(*) from chat_message where direction = 'OUT' and status in ('PENDING', 'SENDING')") == 0);
    }

    private static String get(HttpClient client, String path) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(url(path)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), path);
        return response.body();
    }

    /** The CSRF token of the rendered form that posts to {@code action}. */
    private static String csrf(String page, String action) {
        Matcher form = Pattern.compile("<form[^>]*action=\"" + Pattern.quote(action) + "\"(?:(?!</form>).)*?name=\"csrf-token\" value=\"([^\"]+)\"",
                Pattern.DOTALL).matcher(page);
        assertTrue(form.find(), "no CSRF token in the reply form");
        return form.group(1);
    }

    private static HttpRequest form(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(url(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static boolean ready() {
        try {
            HttpResponse<String> response = WEBHOOK.send(HttpRequest.newBuilder(url("/q/health/ready")).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting for " + what + "; service log:\n" + tail());
            }
            Thread.sleep(100);
        }
    }

    private static String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "<no log>";
        }
    }

    private static long number(String sql) {
        return query(sql, r -> r.getLong(1));
    }

    private static String string(String sql) {
        return query(sql, r -> r.getString(1));
    }

    private static byte[] bytes(String sql) {
        return query(sql, r -> r.getBytes(1));
    }

    private interface Column<T> {
        T read(ResultSet r) throws SQLException;
    }

    private static <T> T query(String sql, Column<T> column) {
        try (Connection c = database.getPostgresDatabase().getConnection(); PreparedStatement s = c.prepareStatement(sql);
                ResultSet r = s.executeQuery()) {
            r.next();
            return column.read(r);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
