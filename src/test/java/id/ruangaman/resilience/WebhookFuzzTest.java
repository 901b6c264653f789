package id.ruangaman.resilience;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import id.ruangaman.transcript.Channel;
import id.ruangaman.testing.Eventually;
import id.ruangaman.testing.FakePlatforms;
import id.ruangaman.testing.TelegramChats;
import id.ruangaman.testing.TelegramFixtures;
import id.ruangaman.testing.WhatsAppFixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Feeds both webhooks a few thousand generated payloads (fixed seed, so a failure replays): malformed
 * JSON, wrong types, huge strings, deep nesting, invalid UTF-8, unknown and missing fields, huge arrays,
 * emoji, right-to-left and Thai text. No answer may be a 5xx, the service stays live, whatever was
 * stored is processed without failing, and the valid messages of a mixed WhatsApp payload are kept.
 */
@QuarkusTest
class WebhookFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long SEED = 20_261_122L;
    private static final int CASES_PER_WEBHOOK = 1_200;
    private static final String[] CATEGORIES = { "malformed", "wrong-type", "huge-string", "deep-nesting", "invalid-utf8",
            "unknown-fields", "missing-fields", "huge-array", "world-text" };
    private static final String[] WORLD_TEXTS = { "😀👩🏽‍⚕️🏳️‍🌈 tolong", "مرحبا، أحتاج مساعدة", "שלום עזרה", "สวัสดีค่ะ ช่วยด้วย",
            "\u202eabc\u202c\u200f\u200d", "e\u0301\u0301\u0301 ÅÅ", "\ud83d\ude00".repeat(500), "ㅤ\u3000\u00a0", "𝕳𝖊𝖑𝖕" };
    private static final byte[][] BAD_UTF8 = { { (byte) 0xC3, 0x28 }, { (byte) 0xFF }, { (byte) 0xED, (byte) 0xA0, (byte) 0x80 },
            { (byte) 0xC0, (byte) 0xAF }, { (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80 }, { (byte) 0xE2, (byte) 0x82 } };

    private final Random random = new Random(SEED);
    private final List<Long> privateChats = new ArrayList<>();
    private final List<Long> groups = new ArrayList<>();
    private final List<String> numbers = new ArrayList<>();
    private final Map<String, Integer> statuses = new TreeMap<>();
    private final List<String> mixedValidWamids = new ArrayList<>();
    private final Map<String, Long> millis = new TreeMap<>();

    @Inject
    TelegramChats chats;
    @Inject
    EntityManager em;

    @Test
    void shouldNeverAnswer5xxOrLoseTheValidPartsOfAPayload() throws Exception {
        Instant started = Instant.now();
        Timestamp since = Timestamp.from(started.minusSeconds(1));
        for (int i = 0; i < 8; i++) {
            privateChats.add(TelegramFixtures.newChatId());
            numbers.add(WhatsAppFixtures.newNumber());
        }
        for (int i = 0; i < 3; i++) {
            groups.add(TelegramFixtures.newGroupId());
        }
        int cases = 0;
        for (int n = 0; n < CASES_PER_WEBHOOK; n++) {
            String category = CATEGORIES[n % CATEGORIES.length];
            long caseStart = System.nanoTime();
            check("telegram/" + category + "/" + n, postTelegram(telegramCase(category)));
            check("whatsapp/" + category + "/" + n, postWhatsApp(whatsAppCase(category)));
            millis.merge(category, (System.nanoTime() - caseStart) / 1_000_000, Long::sum);
            cases += 2;
            if (n % 25 == 0) {
                String wamid = WhatsAppFixtures.newWamid();
                String from = pick(numbers);
                List<String> messages = List.of(WhatsAppFixtures.message("text.json", from, wamid, pick(WORLD_TEXTS), null, null),
                        "{\"id\":\"broken-" + n + "\"}", "{\"from\":{\"x\":1},\"id\":[1,2]}", "null", "42",
                        "{\"from\":\"" + from + "\",\"id\":\"" + "w".repeat(500) + "\",\"type\":\"text\"}");
                int status = postWhatsApp(WhatsAppFixtures.payload(from, shuffled(messages)).getBytes(StandardCharsets.UTF_8));
                assertEquals(200, status, "a mixed payload with a valid message must be acknowledged");
                mixedValidWamids.add(wamid);
                cases++;
            }
            if (n % 100 == 0) {
                given().when().get("/q/health/live").then().statusCode(200);
            }
        }
        given().when().get("/q/health/live").then().statusCode(200);
        System.out.println("[fuzz] milliseconds per category: " + millis);
        for (String wamid : mixedValidWamids) {
            assertEquals(1, chats.storedCount(Channel.WHATSAPP, wamid), "the valid message " + wamid + " of a mixed payload was lost");
        }
        Eventually.await("every stored fuzz update processed", Duration.ofSeconds(90),
                () -> count("status = 'PENDING'", since) == 0);
        // A status for a message the service never sent is looked at again a few times by design, then ignored.
        String failedOrRetried = "status = 'FAILED' or (attempts > 0 and not (kind = 'status' and status = 'IGNORED'))";
        long failed = count(failedOrRetried, since);
        long stored = count("true", since);
        System.out.printf("[fuzz] %d cases (%d per webhook + %d mixed WhatsApp payloads) in %d s; answers %s; "
                + "%d updates stored and processed, %d failed or retried; %d requests resent after a closed connection%n", cases,
                CASES_PER_WEBHOOK, mixedValidWamids.size(), Duration.between(started, Instant.now()).toSeconds(), statuses, stored,
                failed, transportRetries);
        assertEquals(0, failed, () -> "stored updates whose processing failed: " + QuarkusTransaction.requiringNew().call(() -> em
                .createNativeQuery("select channel, kind, status, attempts, failure_reason from inbound_update where received_at >= ?1 "
                        + "and (" + failedOrRetried + ")").setParameter(1, since).getResultList().stream()
                .map(row -> java.util.Arrays.toString((Object[]) row)).toList()));
        assertTrue(statuses.getOrDefault("200", 0) > 100 && statuses.getOrDefault("400", 0) > 100,
                "the generator should produce both accepted and refused payloads: " + statuses);
    }

    private void check(String label, int status) {
        statuses.merge(String.valueOf(status), 1, Integer::sum);
        assertTrue(status > 0 && status < 500, label + " answered " + status);
    }

    private long count(String condition, Timestamp since) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from inbound_update where received_at >= ?1 and (" + condition + ")")
                .setParameter(1, since).getSingleResult()).longValue());
    }

    // --- generation -----------------------------------------------------------------------------

    private byte[] telegramCase(String category) throws Exception {
        long chat = random.nextInt(10) == 0 ? pick(groups) : pick(privateChats);
        String fixture = switch (random.nextInt(5)) {
            case 0 -> TelegramFixtures.button(chat, "language:id");
            case 1 -> TelegramFixtures.render(chat < 0 ? "group_message.json" : "edited_message.json", chat);
            default -> TelegramFixtures.text(chat, pick(WORLD_TEXTS));
        };
        return mutate(category, (ObjectNode) JSON.readTree(fixture));
    }

    private byte[] whatsAppCase(String category) throws Exception {
        String from = pick(numbers);
        List<String> messages = new ArrayList<>();
        for (int i = 0, count = 1 + random.nextInt(3); i < count; i++) {
            messages.add(random.nextBoolean() ? WhatsAppFixtures.message("text.json", from, WhatsAppFixtures.newWamid(), pick(WORLD_TEXTS), null, null)
                    : WhatsAppFixtures.message("button_reply.json", from, WhatsAppFixtures.newWamid(), null, "language:en", null));
        }
        String payload = random.nextInt(8) == 0 ? WhatsAppFixtures.statuses(List.of(WhatsAppFixtures.status("wamid.OUT-fuzz", from, "read")))
                : WhatsAppFixtures.payload(from, messages);
        return mutate(category, (ObjectNode) JSON.readTree(payload));
    }

    private byte[] mutate(String category, ObjectNode root) throws Exception {
        switch (category) {
            case "malformed" -> {
                byte[] bytes = JSON.writeValueAsBytes(root);
                return switch (random.nextInt(4)) {
                    case 0 -> java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length));
                    case 1 -> new String(bytes, StandardCharsets.UTF_8).replaceFirst("[:,]", random.nextBoolean() ? "" : "::")
                            .getBytes(StandardCharsets.UTF_8);
                    case 2 -> ("{\"update_id\": 1, " + new String(bytes, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                    default -> new byte[][] { "".getBytes(), "null".getBytes(), "[]".getBytes(), "\"x\"".getBytes(), "{".getBytes(),
                            "{}}".getBytes(), "NaN".getBytes(), "{'a':1}".getBytes() }[random.nextInt(8)];
                };
            }
            case "wrong-type" -> {
                for (int i = 0; i < 1 + random.nextInt(3); i++) {
                    replaceRandom(root, randomValue());
                }
            }
            case "huge-string" -> {
                // mostly tens of kilobytes; now and then up to and beyond the 1 MB body limit (413)
                int length = random.nextInt(6) == 0 ? new int[] { 250_000, 400_000, 1_200_000 }[random.nextInt(3)]
                        : new int[] { 4_096, 5_000, 20_000, 60_000 }[random.nextInt(4)];
                String unit = pick(WORLD_TEXTS);
                replaceRandom(root, JSON.getNodeFactory().textNode(unit.repeat(1 + length / unit.length())));
            }
            case "deep-nesting" -> {
                // written by hand: the library's own writer refuses the deepest of these
                int depth = new int[] { 20, 200, 900, 990, 1_200, 5_000 }[random.nextInt(6)];
                StringBuilder open = new StringBuilder();
                StringBuilder closers = new StringBuilder();
                for (int i = 0; i < depth; i++) {
                    boolean array = random.nextBoolean();
                    open.append(array ? "[" : "{\"n\":");
                    closers.append(array ? ']' : '}');
                }
                String marker = "DEEPMARK";
                replaceRandom(root, JSON.getNodeFactory().textNode(marker));
                return splice(JSON.writeValueAsBytes(root), ("\"" + marker + "\"").getBytes(StandardCharsets.UTF_8),
                        (open + "1" + closers.reverse()).getBytes(StandardCharsets.UTF_8));
            }
            case "invalid-utf8" -> {
                String marker = "BADUTF8MARK";
                replaceRandomText(root, JSON.getNodeFactory().textNode("ok " + marker + " ok"));
                byte[] bytes = JSON.writeValueAsBytes(root);
                return splice(bytes, marker.getBytes(StandardCharsets.UTF_8), BAD_UTF8[random.nextInt(BAD_UTF8.length)]);
            }
            case "unknown-fields" -> {
                for (int i = 0; i < 1 + random.nextInt(5); i++) {
                    ObjectNode target = randomObject(root);
                    target.set("zz_unknown_" + random.nextInt(1000), randomValue());
                }
            }
            case "missing-fields" -> {
                for (int i = 0; i < 1 + random.nextInt(3); i++) {
                    ObjectNode target = randomObject(root);
                    Iterator<String> names = target.fieldNames();
                    List<String> list = new ArrayList<>();
                    names.forEachRemaining(list::add);
                    if (!list.isEmpty()) {
                        target.remove(list.get(random.nextInt(list.size())));
                    }
                }
            }
            case "huge-array" -> {
                ArrayNode array = JSON.createArrayNode();
                int size = random.nextInt(10) == 0 ? 150_000 : 3_000;
                for (int i = 0; i < size; i++) {
                    array.add(random.nextBoolean() ? JSON.getNodeFactory().numberNode(i) : JSON.createObjectNode());
                }
                replaceRandom(root, array);
            }
            default -> replaceRandomText(root, JSON.getNodeFactory().textNode(pick(WORLD_TEXTS) + " " + pick(WORLD_TEXTS)));
        }
        return JSON.writeValueAsBytes(root);
    }

    private JsonNode randomValue() {
        return switch (random.nextInt(7)) {
            case 0 -> JSON.getNodeFactory().numberNode(random.nextLong());
            case 1 -> JSON.getNodeFactory().textNode(pick(WORLD_TEXTS));
            case 2 -> JSON.getNodeFactory().booleanNode(random.nextBoolean());
            case 3 -> JSON.getNodeFactory().nullNode();
            case 4 -> JSON.createArrayNode().add(1).add("x");
            case 5 -> JSON.getNodeFactory().numberNode(new java.math.BigInteger("9".repeat(40)));
            default -> JSON.createObjectNode().put("k", -1.5e300);
        };
    }

    /** Replaces a randomly chosen value anywhere in the tree. */
    private void replaceRandom(ObjectNode root, JsonNode value) {
        List<Object[]> slots = new ArrayList<>();
        collect(root, slots, false);
        Object[] slot = slots.get(random.nextInt(slots.size()));
        set(slot, value);
    }

    /** Replaces a randomly chosen text value (or any value when there is none). */
    private void replaceRandomText(ObjectNode root, JsonNode value) {
        List<Object[]> slots = new ArrayList<>();
        collect(root, slots, true);
        if (slots.isEmpty()) {
            collect(root, slots, false);
        }
        set(slots.get(random.nextInt(slots.size())), value);
    }

    private static void set(Object[] slot, JsonNode value) {
        if (slot[0] instanceof ObjectNode object) {
            object.set((String) slot[1], value);
        } else {
            ((ArrayNode) slot[0]).set((Integer) slot[1], value);
        }
    }

    private static void collect(JsonNode node, List<Object[]> slots, boolean textOnly) {
        if (node instanceof ObjectNode object) {
            object.fields().forEachRemaining(field -> {
                if (!textOnly || field.getValue().isTextual()) {
                    slots.add(new Object[] { object, field.getKey() });
                }
                collect(field.getValue(), slots, textOnly);
            });
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (!textOnly || array.get(i).isTextual()) {
                    slots.add(new Object[] { array, i });
                }
                collect(array.get(i), slots, textOnly);
            }
        }
    }

    private ObjectNode randomObject(ObjectNode root) {
        List<ObjectNode> objects = new ArrayList<>();
        objects(root, objects);
        return objects.get(random.nextInt(objects.size()));
    }

    private static void objects(JsonNode node, List<ObjectNode> objects) {
        if (node instanceof ObjectNode object) {
            objects.add(object);
        }
        node.forEach(child -> objects(child, objects));
    }

    private static byte[] splice(byte[] bytes, byte[] marker, byte[] replacement) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int at = text.indexOf(new String(marker, StandardCharsets.ISO_8859_1));
        if (at < 0) {
            return bytes;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes, 0, at);
        out.write(replacement, 0, replacement.length);
        out.write(bytes, at + marker.length, bytes.length - at - marker.length);
        return out.toByteArray();
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private List<String> shuffled(List<String> values) {
        List<String> copy = new ArrayList<>(values);
        java.util.Collections.shuffle(copy, random);
        return copy;
    }

    // --- sending --------------------------------------------------------------------------------

    /** quarkus.http.limits.max-body-size: a larger body is refused with 413 and the connection closed mid-upload. */
    private static final int BODY_LIMIT = 1024 * 1024;

    /** HTTP/1.1 like the platforms; bodies over the limit go over their own socket, since the server closes those connections. */
    private static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_1_1).build();
    private static int transportRetries;

    private static int postTelegram(byte[] body) {
        return send(body, "/webhooks/telegram", "X-Telegram-Bot-Api-Secret-Token", FakePlatforms.TELEGRAM_SECRET);
    }

    private static int postWhatsApp(byte[] body) {
        return send(body, "/webhooks/whatsapp", "X-Hub-Signature-256", signature(body));
    }

    private static int send(byte[] body, String path, String header, String value) {
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + io.restassured.RestAssured.port + path))
                .header("Content-Type", "application/json").header(header, value)
                .timeout(Duration.ofSeconds(30))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            if (body.length > BODY_LIMIT) {
                // the service answers 413 and closes while a client may still be writing: read the answer as it comes
                return id.ruangaman.testing.OversizedPost.post(path, java.util.Map.of("Content-Type", "application/json", header, value),
                        body, false);
            }
            try {
                return HTTP.send(request, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (java.io.IOException stale) {
                // a pooled connection the server had already closed; a platform would retry once more
                transportRetries++;
                return HTTP.send(request, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
            }
        } catch (java.io.IOException failed) {
            throw new AssertionError("request of " + body.length + " bytes got no answer", failed);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The HMAC of the exact bytes sent, invalid UTF-8 included. */
    private static String signature(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(FakePlatforms.WHATSAPP_APP_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
