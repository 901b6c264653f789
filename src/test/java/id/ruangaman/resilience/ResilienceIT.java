package id.ruangaman.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

import id.ruangaman.security.crypto.FieldCipher;
import id.ruangaman.security.crypto.KeyRing;
import id.ruangaman.testing.DatabaseScan;
import id.ruangaman.testing.FakeGraph;
import id.ruangaman.testing.FakePlatforms;
import id.ruangaman.testing.WhatsAppFixtures;
import id.ruangaman.testing.FakeTelegram;
import id.ruangaman.testing.TelegramFixtures;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The packaged service as separate processes on one real PostgreSQL, fed through the Telegram webhook
 * by a fake platform that retries what was not acknowledged: two instances taking interleaved updates
 * for the same people, each killed with SIGKILL under load and restarted; a database outage; and,
 * afterwards, no trace of what people wrote in the logs or in a plain dump of the database.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ResilienceIT {

    private static final Path JAR = Path.of(System.getProperty("ruangaman.packaged.jar", "target/quarkus-app/quarkus-run.jar"));
    private static final String TOKEN = "123456:IT-token-not-real";
    private static final String SECRET = "it-secret_0042";
    private static final String DATA_KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
    /** Synthetic words the person "writes"; they must never surface in logs or in a dump. */
    private static final String SENTINEL = "Zebrafinch-Sentinel-7731";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static EmbeddedPostgres database;
    private static FakeTelegram telegram;
    private static final List<Path> logs = new CopyOnWriteArrayList<>();
    private static final List<Process> processes = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        database = EmbeddedPostgres.builder().start();
        telegram = new FakeTelegram();
    }

    @AfterAll
    static void stop() throws Exception {
        for (Process process : processes) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        telegram.close();
        database.close();
    }

    // --- 1. kill -9 under load, two instances ---------------------------------------------------

    @Test
    @Order(1)
    void shouldProcessEveryAcknowledgedUpdateOnceAndDeliverEveryReplyAcrossTwoInstancesAndKills() throws Exception {
        String jdbc = "jdbc:postgresql://127.0.0.1:" + database.getPort() + "/postgres";
        int portA = freePort();
        int portB = freePort();
        Process a = startService("a1", portA, jdbc);
        Process b = startService("b1", portB, jdbc);
        awaitReady(portA);
        awaitReady(portB);

        List<Long> chats = new ArrayList<>();
        Map<Long, List<String>> scripts = new ConcurrentHashMap<>();
        for (int i = 0; i < 12; i++) {
            long chat = TelegramFixtures.newChatId();
            chats.add(chat);
            scripts.put(chat, fullIntake(chat));
        }
        int total = scripts.values().stream().mapToInt(List::size).sum();
        AtomicInteger acked = new AtomicInteger();
        Map<Long, List<Long>> ackedIds = new ConcurrentHashMap<>();
        int[] ports = { portA, portB };
        ExecutorService load = Executors.newFixedThreadPool(chats.size());
        List<Future<?>> people = new ArrayList<>();
        Instant started = Instant.now();
        for (long chat : chats) {
            people.add(load.submit(() -> {
                List<String> script = scripts.get(chat);
                for (int i = 0; i < script.size(); i++) {
                    // interleaved: one person's updates alternate between the instances; a refused or failed
                    // delivery is retried (on the other instance), as Telegram retries what was not acknowledged
                    postUntilAcknowledged(script.get(i), ports, i % 2);
                    ackedIds.computeIfAbsent(chat, c -> new CopyOnWriteArrayList<>()).add(updateIdOf(script.get(i)));
                    acked.incrementAndGet();
                    pause(400); // people type: the load lasts long enough for both kills to land in it
                }
                return null;
            }));
        }
        await("a fifth of the updates acknowledged", Duration.ofSeconds(120), () -> acked.get() >= total / 5);
        a.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no draining
        a.waitFor(30, TimeUnit.SECONDS);
        int ackedAtFirstKill = acked.get();
        a = startService("a2", portA, jdbc);
        // then the other instance, while the first is still starting again: for a moment nothing answers, and
        // the platform keeps retrying what was not acknowledged
        await("two fifths of the updates acknowledged", Duration.ofSeconds(120), () -> acked.get() >= 2 * total / 5);
        long queuedAtSecondKill = count("select count(*) from inbound_update where status = 'PENDING'")
                + count("select count(*) from chat_message where direction = 'OUT' and status in ('PENDING', 'SENDING')");
        int ackedAtSecondKill = acked.get();
        assertTrue(ackedAtSecondKill < total, "the load ended before the second kill; slow the people down");
        b.destroyForcibly();
        b.waitFor(30, TimeUnit.SECONDS);
        b = startService("b2", portB, jdbc);
        for (Future<?> person : people) {
            person.get(180, TimeUnit.SECONDS);
        }
        load.shutdown();
        awaitReady(portA);
        awaitReady(portB);

        await("every acknowledged update processed", Duration.ofSeconds(180),
                () -> count("select count(*) from inbound_update where status = 'PENDING'") == 0);
        await("every reply out of the outbox", Duration.ofSeconds(180),
                () -> count("select count(*) from chat_message where direction = 'OUT' and status in ('PENDING', 'SENDING')") == 0);
        long seconds = Duration.between(started, Instant.now()).toSeconds();

        int duplicates = 0;
        long flagged = 0;
        Long replyCount = null;
        for (long chat : chats) {
            List<Long> ids = ackedIds.get(chat);
            assertEquals(scripts.get(chat).size(), ids.size());
            String idList = String.join(",", ids.stream().map(id -> "'123456:" + id + "'").toList());
            assertEquals(ids.size(), count("select count(*) from inbound_update where provider_id in (" + idList + ") and status = 'DONE'"),
                    "every acknowledged update of chat " + chat + " is DONE exactly once");
            String hash = "(select contact_hash from inbound_update where provider_id = '123456:" + ids.get(0) + "')";
            long contact = count("select id from contact where channel = 'TELEGRAM' and external_id_hash = " + hash);
            assertEquals(ids.size(), count("select count(*) from chat_message where contact_id = " + contact + " and direction = 'IN'"),
                    "each update is one step: a repeated step would record the person's message twice");
            List<Long> order = longs("select sequence_no from inbound_update where contact_hash = " + hash + " order by processed_at, id");
            assertEquals(order.stream().sorted().toList(), order, "updates of chat " + chat + " processed out of order");
            assertEquals(1, count("select count(*) from intake where contact_id = " + contact), "one intake per person");
            assertEquals(1, count("select count(*) from conversation_session where contact_id = " + contact + " and status = 'COMPLETED'"),
                    "the conversation finished; no session is stuck mid-way");
            long replies = count("select count(*) from chat_message where contact_id = " + contact + " and direction = 'OUT'");
            assertEquals(replies, count("select count(*) from chat_message where contact_id = " + contact
                    + " and direction = 'OUT' and status = 'SENT'"), "every reply to chat " + chat + " sent");
            if (replyCount == null) {
                replyCount = replies;
            }
            assertEquals(replyCount, replies, "the same conversation gives the same replies; a double step would not");
            String reference = string("select reference_code from intake where contact_id = " + contact);
            List<FakeTelegram.Call> received = telegram.sentTo(chat);
            assertTrue(received.stream().anyMatch(call -> call.text().contains(reference)), "the reference code reached chat " + chat);
            long flaggedHere = count("select count(*) from chat_message where contact_id = " + contact + " and possible_duplicate");
            // the summary's buttons are taken off with editMessageReplyMarkup, not sent: FakeTelegram.sentTo counts sendMessage
            long buttonRemovals = count("select count(*) from chat_message where contact_id = " + contact
                    + " and direction = 'OUT' and kind = 'remove_buttons'");
            int extra = received.size() - (int) (replies - buttonRemovals);
            assertTrue(extra >= 0, "fewer sends than replies to chat " + chat);
            assertTrue(extra == 0 || flaggedHere > 0, () -> "chat " + chat + " got " + extra + " extra copies none of which was flagged; "
                    + "rows (id, attempts, provider id, flagged): " + rowsOf(contact) + "; calls at " + received.stream().map(FakeTelegram.Call::at).toList());
            duplicates += extra;
            flagged += flaggedHere;
        }
        System.out.printf("[kill -9] %d updates from %d people over 2 instances; instance A killed after %d acknowledged, "
                + "instance B after %d (%d updates and replies queued at that moment); all processed and delivered in %d s; "
                + "%d duplicate sends seen by the platform, %d replies flagged possible_duplicate%n", total, chats.size(),
                ackedAtFirstKill, ackedAtSecondKill, queuedAtSecondKill, seconds, duplicates, flagged);

        assertNoSentinelInLogsOrDump();
        a.destroy();
        b.destroy();
        a.waitFor(30, TimeUnit.SECONDS);
        b.waitFor(30, TimeUnit.SECONDS);
    }

    // --- 2. database outage ------------------------------------------------------------------------

    @Test
    @Order(2)
    void shouldAnswer503WhileTheDatabaseIsDownAndRecoverByItself() throws Exception {
        try (TcpProxy proxy = new TcpProxy(database.getPort())) {
            int port = freePort();
            Process service = startService("outage", port, "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/postgres");
            awaitReady(port);
            List<Long> chats = List.of(TelegramFixtures.newChatId(), TelegramFixtures.newChatId(), TelegramFixtures.newChatId());
            Map<Long, List<String>> scripts = new ConcurrentHashMap<>();
            for (long chat : chats) {
                scripts.put(chat, fullIntake(chat).subList(0, 6));
                assertEquals(200, post(port, scripts.get(chat).get(0)));
            }
            proxy.cut();
            Instant cutAt = Instant.now();
            List<Integer> during = new ArrayList<>();
            // Telegram keeps retrying what it could not deliver; for five seconds of outage every try must get 503
            while (Duration.between(cutAt, Instant.now()).toSeconds() < 5) {
                for (long chat : chats) {
                    during.add(post(port, scripts.get(chat).get(1)));
                }
            }
            assertTrue(during.size() >= 3 && during.stream().allMatch(answer -> answer == 503),
                    "while the database is down the webhook must ask Telegram to retry: " + during);
            await("readiness reports the database down", Duration.ofSeconds(30), () -> status(port, "/q/health/ready") == 503);
            assertEquals(200, status(port, "/q/health/live"), "the process itself stays alive");
            proxy.restore();
            long outageMillis = Duration.between(cutAt, Instant.now()).toMillis();
            await("ready again without a restart", Duration.ofSeconds(60), () -> status(port, "/q/health/ready") == 200);
            for (long chat : chats) {
                for (String update : scripts.get(chat).subList(1, 6)) {
                    postUntilAcknowledged(update, new int[] { port }, 0);
                }
            }
            assertTrue(service.isAlive());
            await("every update processed after the outage", Duration.ofSeconds(90),
                    () -> count("select count(*) from inbound_update where status = 'PENDING'") == 0);
            await("every reply sent after the outage", Duration.ofSeconds(90),
                    () -> count("select count(*) from chat_message where direction = 'OUT' and status in ('PENDING', 'SENDING')") == 0);
            for (long chat : chats) {
                String ids = String.join(",", scripts.get(chat).stream().map(u -> "'123456:" + updateIdOf(u) + "'").toList());
                assertEquals(6, count("select count(*) from inbound_update where provider_id in (" + ids + ") and status = 'DONE'"));
                String hash = "(select contact_hash from inbound_update where provider_id = '123456:" + updateIdOf(scripts.get(chat).get(0)) + "')";
                long contact = count("select id from contact where channel = 'TELEGRAM' and external_id_hash = " + hash);
                assertEquals(6, count("select count(*) from chat_message where contact_id = " + contact + " and direction = 'IN'"));
                assertFalse(telegram.sentTo(chat).isEmpty());
            }
            System.out.printf("[db outage] %d webhook calls answered 503 during a %d ms outage; ready again and every update "
                    + "processed without a restart%n", during.size(), outageMillis);
            service.destroy();
            service.waitFor(30, TimeUnit.SECONDS);
        }
    }

    // --- 3. erasure of a WhatsApp reporter --------------------------------------------------------

    @Test
    @Order(3)
    void shouldLeaveNeitherTheWordsNorTheNumberOfAWhatsAppReporterAfterHapus() throws Exception {
        try (FakeGraph graph = new FakeGraph(FakePlatforms.WHATSAPP_TOKEN)) {
            int port = freePort();
            Process service = startService("whatsapp", port, "jdbc:postgresql://127.0.0.1:" + database.getPort() + "/postgres",
                    Map.of("WHATSAPP_ACCESS_TOKEN", FakePlatforms.WHATSAPP_TOKEN, "WHATSAPP_APP_SECRET", FakePlatforms.WHATSAPP_APP_SECRET,
                            "WHATSAPP_VERIFY_TOKEN", FakePlatforms.WHATSAPP_VERIFY_TOKEN, "WHATSAPP_PHONE_NUMBER_ID", "100200300",
                            "WHATSAPP_API_URL", graph.apiUrl(), "WHATSAPP_PER_USER_BURST", "200"));
            awaitReady(port);
            String number = WhatsAppFixtures.newNumber();
            String sentinel = SENTINEL + "-wa";
            sayWhatsApp(port, number, "text.json", "halo " + sentinel, null);
            for (String data : List.of("language:id", "consent:yes", "in_danger:no", "safe_to_reply:yes", "reporter_role:witness",
                    "victim_knows:yes", "send_now:details", "violence_type:skip", "incident_when:skip", "victim_minor:no",
                    "incident_place:online")) {
                sayWhatsApp(port, number, "button_reply.json", null, data);
            }
            sayWhatsApp(port, number, "text.json", "Cerita sintetis " + sentinel + " bagian dua.", null);
            for (String data : List.of("chronology:done", "biodata_offer:yes", "name:skip", "age_range:25_34", "gender:skip",
                    "campus_status:lecturer")) {
                sayWhatsApp(port, number, data.startsWith("age_range") ? "list_reply.json" : "button_reply.json", null, data);
            }
            sayWhatsApp(port, number, "text.json", "Fakultas " + sentinel, null);
            for (String data : List.of("disability:skip", "reported_offer:no", "evidence_consent:no", "services:legal", "services:done",
                    "urgent_need:skip", "contact_offer:no", "stats_consent:skip", "summary:confirm")) {
                sayWhatsApp(port, number, data.startsWith("services") ? "list_reply.json" : "button_reply.json", null, data);
            }
            assertEquals(1, count("select count(*) from intake where channel = 'WHATSAPP' and answers is not null"));
            String wamid = graph.sentTo(number).get(0).wamid();
            postWhatsApp(port, WhatsAppFixtures.statuses(List.of(WhatsAppFixtures.status(wamid, number, "read"))));
            FieldCipher cipher = new FieldCipher(KeyRing.of(Base64.getDecoder().decode(DATA_KEY), List.of(),
                    Base64.getDecoder().decode(DATA_KEY)));
            try (Connection connection = connect()) {
                assertEquals(List.of(), DatabaseScan.find(connection, cipher, false, List.of(number, sentinel)),
                        "readable without the data key");
                assertFalse(DatabaseScan.find(connection, cipher, true, List.of(number, sentinel)).isEmpty(), "the scan finds nothing at all");
            }

            sayWhatsApp(port, number, "text.json", "/hapus", null);
            sayWhatsApp(port, number, "text.json", "ya", null);
            await("erasure confirmed", Duration.ofSeconds(60), () -> graph.sentTo(number).stream().anyMatch(m -> m.text().contains("dihapus")));
            await("confirmation settled", Duration.ofSeconds(60), () -> count("select count(*) from chat_message where recipient is not null") == 0);
            List<String> found;
            try (Connection connection = connect()) {
                found = DatabaseScan.find(connection, cipher, true, List.of(number, sentinel));
            }
            assertEquals(List.of(), found, "after /hapus, decrypting every column of every table still finds the person");
            System.out.printf("[privacy] WhatsApp reporter erased: neither the number nor the sentinel in any column, decrypted%n");
            service.destroy();
            service.waitFor(30, TimeUnit.SECONDS);
        }
        assertNoSentinelInLogsOrDump();
    }

    private static void sayWhatsApp(int port, String number, String fixture, String text, String data) {
        String wamid = WhatsAppFixtures.realisticWamid(number);
        postWhatsApp(port, WhatsAppFixtures.payload(number, List.of(WhatsAppFixtures.message(fixture, number, wamid, text, data, null))));
        await("WhatsApp message processed and answered", Duration.ofSeconds(60), () -> count("select count(*) from inbound_update "
                + "where status = 'PENDING'") == 0 && count("select count(*) from chat_message where direction = 'OUT' "
                + "and status in ('PENDING', 'SENDING')") == 0);
    }

    private static void postWhatsApp(int port, String body) {
        try {
            int status = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhooks/whatsapp"))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .header("X-Hub-Signature-256", WhatsAppFixtures.signature(body))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            assertEquals(200, status);
        } catch (IOException | InterruptedException e) {
            throw new AssertionError("WhatsApp webhook unreachable", e);
        }
    }

    // --- privacy -----------------------------------------------------------------------------------

    private void assertNoSentinelInLogsOrDump() throws Exception {
        StringBuilder allLogs = new StringBuilder();
        for (Path log : logs) {
            allLogs.append(Files.readString(log));
        }
        assertTrue(allLogs.toString().contains("started in"), "the logs were not captured");
        assertFalse(allLogs.toString().contains(SENTINEL), "what a person wrote appears in the service logs");
        assertFalse(allLogs.toString().contains(SENTINEL.toLowerCase()), "what a person wrote appears in the service logs");

        String dump = plainDump();
        assertTrue(dump.contains("inbound_update"), "the dump is empty");
        String reference = string("select reference_code from intake limit 1");
        assertTrue(dump.contains(reference), "the dump does not hold the data (a reference code is plain)");
        assertFalse(dump.contains(SENTINEL), "what a person wrote appears in a plain database dump");
        System.out.printf("[privacy] sentinel absent from %d kB of service logs and a %d kB plain dump%n",
                allLogs.length() / 1024, dump.length() / 1024);
    }

    /** pg_dump in plain format; when the installed client is older than the server, COPY of every table instead. */
    private static String plainDump() throws Exception {
        Path out = Files.createTempFile("ruangaman-dump", ".sql");
        Path pgDump = Path.of("/usr/bin/pg_dump");
        if (Files.isExecutable(pgDump)) {
            ProcessBuilder builder = new ProcessBuilder(pgDump.toString(), "-h", "127.0.0.1", "-p", String.valueOf(database.getPort()),
                    "-U", "postgres", "-F", "p", "-f", out.toString(), "postgres").redirectErrorStream(true);
            builder.environment().put("PGPASSWORD", "postgres");
            Process dump = builder.start();
            String messages = new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (dump.waitFor(60, TimeUnit.SECONDS) && dump.exitValue() == 0) {
                System.out.println("[privacy] dump by pg_dump --format=plain");
                return Files.readString(out);
            }
            System.out.println("[privacy] pg_dump could not dump this server (" + messages.strip().lines().findFirst().orElse("")
                    + "); dumping every table with COPY instead");
        }
        StringBuilder dump = new StringBuilder();
        try (Connection connection = connect()) {
            CopyManager copy = new CopyManager(connection.unwrap(BaseConnection.class));
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = connection.createStatement().executeQuery(
                    "select tablename from pg_tables where schemaname = 'public' order by tablename")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            for (String table : tables) {
                java.io.StringWriter data = new java.io.StringWriter();
                copy.copyOut("COPY public." + table + " TO STDOUT", data);
                dump.append("COPY public.").append(table).append(" FROM stdin;\n").append(data).append("\\.\n");
            }
        }
        return dump.toString();
    }

    // --- the conversation --------------------------------------------------------------------------

    private static List<String> fullIntake(long chat) {
        List<String> updates = new ArrayList<>();
        updates.add(TelegramFixtures.render("start_command.json", chat));
        for (String data : List.of("language:id", "consent:yes", "in_danger:no", "safe_to_reply:yes", "reporter_role:victim",
                "send_now:details", "violence_type:sexual_assault", "violence_type:done", "incident_when:within_month", "victim_minor:no",
                "incident_place:campus")) {
            updates.add(TelegramFixtures.button(chat, data));
        }
        updates.add(TelegramFixtures.text(chat, "Cerita sintetis " + SENTINEL + " bagian satu."));
        updates.add(TelegramFixtures.button(chat, "chronology:done"));
        updates.add(TelegramFixtures.button(chat, "biodata_offer:yes"));
        updates.add(TelegramFixtures.text(chat, "Sari " + SENTINEL));
        updates.add(TelegramFixtures.text(chat, "18-24"));
        updates.add(TelegramFixtures.button(chat, "gender:skip"));
        updates.add(TelegramFixtures.button(chat, "campus_status:student"));
        updates.add(TelegramFixtures.text(chat, "Fakultas Hukum"));
        for (String data : List.of("disability:skip", "reported_offer:yes", "relation:stranger", "reported_person:skip", "evidence_consent:no",
                "services:legal", "services:done", "urgent_need:skip", "contact_offer:no", "stats_consent:skip", "summary:confirm")) {
            updates.add(TelegramFixtures.button(chat, data));
        }
        return updates;
    }

    private static long updateIdOf(String json) {
        String rest = json.substring(json.indexOf("\"update_id\":") + 12).trim();
        return Long.parseLong(rest.substring(0, rest.indexOf(',')).trim());
    }

    // --- processes and HTTP ------------------------------------------------------------------------

    private static Process startService(String name, int port, String jdbcUrl) throws IOException {
        return startService(name, port, jdbcUrl, Map.of());
    }

    private static Process startService(String name, int port, String jdbcUrl, Map<String, String> extra) throws IOException {
        Path log = Files.createTempFile("resilience-" + name + "-", ".log");
        logs.add(log);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx384m", "-jar", JAR.toAbsolutePath().toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("QUARKUS_") || key.startsWith("RUANGAMAN_")
                || key.startsWith("TELEGRAM_") || key.startsWith("WHATSAPP_"));
        builder.environment().putAll(Map.ofEntries(
                Map.entry("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl),
                Map.entry("QUARKUS_DATASOURCE_USERNAME", "postgres"),
                Map.entry("QUARKUS_DATASOURCE_PASSWORD", "postgres"),
                Map.entry("QUARKUS_HTTP_PORT", String.valueOf(port)),
                Map.entry("RUANGAMAN_DATA_KEY", DATA_KEY),
                Map.entry("TELEGRAM_BOT_TOKEN", TOKEN),
                Map.entry("TELEGRAM_WEBHOOK_SECRET", SECRET),
                Map.entry("TELEGRAM_API_URL", telegram.baseUrl()),
                Map.entry("TELEGRAM_REQUEST_TIMEOUT", "3S"),
                Map.entry("TELEGRAM_MAX_PER_SECOND", "200"),
                Map.entry("TELEGRAM_PER_CHAT_BURST", "30"),
                Map.entry("TELEGRAM_PER_CHAT_WINDOW", "1S"),
                Map.entry("RUANGAMAN_CHANNELS_POLL_INTERVAL", "200ms"),
                Map.entry("RUANGAMAN_CHANNELS_BACKOFF_CAP", "2S"),
                // a killed sender's message is taken over after this; longer than a whole Bot API call (3 s + 5 s)
                Map.entry("RUANGAMAN_CHANNELS_SEND_LEASE", "10S")));
        builder.environment().putAll(extra);
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    /** Posts until an instance answers 200, trying the instances in turn like a platform retrying. */
    private static void postUntilAcknowledged(String update, int[] ports, int first) {
        Instant deadline = Instant.now().plusSeconds(120);
        int attempt = 0;
        while (Instant.now().isBefore(deadline)) {
            int port = ports[(first + attempt++) % ports.length];
            if (post(port, update) == 200) {
                return;
            }
            pause(100);
        }
        throw new AssertionError("update never acknowledged: " + updateIdOf(update));
    }

    /** The answer's status, or 0 when the instance could not be reached. */
    private static int post(int port, String update) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhooks/telegram"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").header("X-Telegram-Bot-Api-Secret-Token", SECRET)
                    .POST(HttpRequest.BodyPublishers.ofString(update)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException unreachable) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static int status(int port, String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException unreachable) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static void awaitReady(int port) {
        await("instance on port " + port + " ready", Duration.ofSeconds(180), () -> status(port, "/q/health/ready") == 200);
    }

    private static void await(String what, Duration timeout, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            pause(100);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A connection of the test's own, for its checks: with a connect timeout of a minute (the driver's default, 10 s, is
     * also its wait for the server's first answer, and on a machine at a load average of 50 the database's start of a
     * session has taken longer) and without the TLS request, which a local server refuses anyway.
     */
    private static Connection connect() throws java.sql.SQLException {
        return database.getPostgresDatabase(Map.of("connectTimeout", "60", "sslmode", "disable")).getConnection();
    }

    private static long count(String sql) {
        List<Long> values = longs(sql);
        return values.isEmpty() ? -1 : values.get(0);
    }

    private static List<Long> longs(String sql) {
        try (Connection connection = connect();
                ResultSet rows = connection.createStatement().executeQuery(sql)) {
            List<Long> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getLong(1));
            }
            return values;
        } catch (java.sql.SQLException e) {
            throw new AssertionError(sql, e);
        }
    }

    private static List<String> rowsOf(long contact) {
        List<String> rows = new ArrayList<>();
        try (Connection connection = connect();
                ResultSet result = connection.createStatement().executeQuery("select id, attempts, provider_message_key, possible_duplicate, "
                        + "sent_at from chat_message where direction = 'OUT' and contact_id = " + contact + " order by id")) {
            while (result.next()) {
                rows.add(result.getLong(1) + "/" + result.getInt(2) + "/" + result.getString(3) + "/" + result.getBoolean(4) + "/"
                        + result.getTimestamp(5).toInstant());
            }
        } catch (java.sql.SQLException e) {
            rows.add(e.toString());
        }
        return rows;
    }

    private static String string(String sql) {
        try (Connection connection = connect();
                ResultSet rows = connection.createStatement().executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        } catch (java.sql.SQLException e) {
            throw new AssertionError(sql, e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
