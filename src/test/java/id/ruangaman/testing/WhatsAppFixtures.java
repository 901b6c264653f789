package id.ruangaman.testing;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Renders the labelled Cloud API fixtures in Meta's envelope, with synthetic numbers and wamids, and signs them. */
public final class WhatsAppFixtures {

    private static final AtomicLong NUMBERS = new AtomicLong(ThreadLocalRandom.current().nextLong(620_000_000_000L, 629_000_000_000L));
    private static final AtomicLong WAMIDS = new AtomicLong(ThreadLocalRandom.current().nextLong(1, 1_000_000_000L));
    private static final AtomicLong CLOCK = new AtomicLong(1_763_800_000L);
    private static final ObjectMapper JSON = new ObjectMapper();

    private WhatsAppFixtures() {
    }

    public static String newNumber() {
        return String.valueOf(NUMBERS.incrementAndGet());
    }

    public static String newWamid() {
        return "wamid.IN-" + WAMIDS.incrementAndGet();
    }

    /**
     * A wamid shaped like Meta's: {@code wamid.} and base64 of a record that embeds the phone number of the
     * chat (sender of an inbound message, recipient of an outbound one) next to a random hexadecimal id,
     * e.g. {@code wamid.HBgNNjI4MTIzNDU2Nzg5MDEVAgASGBQzRUIw...}.
     */
    public static String realisticWamid(String number) {
        byte[] digits = number.getBytes(StandardCharsets.US_ASCII);
        String hex = HexFormat.of().withUpperCase().formatHex(java.nio.ByteBuffer.allocate(10)
                .putLong(ThreadLocalRandom.current().nextLong()).putShort((short) WAMIDS.incrementAndGet()).array());
        java.io.ByteArrayOutputStream record = new java.io.ByteArrayOutputStream();
        record.write(0x1C);
        record.write(0x18);
        record.write(digits.length);
        record.writeBytes(digits);
        record.writeBytes(new byte[] {0x15, 0x02, 0x00, 0x12, 0x18, (byte) hex.length()});
        record.writeBytes(hex.getBytes(StandardCharsets.US_ASCII));
        record.write(0x00);
        return "wamid." + java.util.Base64.getEncoder().encodeToString(record.toByteArray());
    }

    /** The intake's questions with more than three options, which WhatsApp shows as a list rather than buttons. */
    private static final List<String> LIST_QUESTIONS = List.of("age_range", "services", "campus_status", "relation", "incident_when",
            "incident_place");

    /** The fixture of a person's answer {@code nodeId:optionId}: a list reply or a button reply. */
    public static String replyFixture(String data) {
        return LIST_QUESTIONS.contains(data.substring(0, data.indexOf(':'))) ? "list_reply.json" : "button_reply.json";
    }

    public static String raw(String name) {
        try {
            return Files.readString(Path.of("src/test/resources/channel/whatsapp", name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One message fixture with fresh ids. */
    public static String message(String name, String from, String wamid, String text, String data, String mediaId) {
        return raw(name).replace("__FROM__", from).replace("__WAMID__", wamid)
                .replace("__TS__", String.valueOf(CLOCK.incrementAndGet()))
                .replace("\"__TEXT__\"", quote(text == null ? "halo" : text))
                .replace("__DATA__", data == null ? "" : data)
                .replace("__MEDIA_ID__", mediaId == null ? "media-none" : mediaId);
    }

    public static String status(String wamid, String to, String status) {
        return raw("status.json").replace("__WAMID__", wamid).replace("__FROM__", to).replace("__STATUS__", status)
                .replace("__TS__", String.valueOf(CLOCK.incrementAndGet()));
    }

    public static String failedStatus(String wamid, String to, int code) {
        return raw("status_failed.json").replace("__WAMID__", wamid).replace("__FROM__", to)
                .replace("__CODE__", String.valueOf(code)).replace("__TS__", String.valueOf(CLOCK.incrementAndGet()));
    }

    /** Wraps messages of one sender in the webhook envelope. */
    public static String payload(String from, List<String> messages) {
        return "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"WABA-1\",\"changes\":[{\"value\":{"
                + "\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"15550000000\",\"phone_number_id\":\"100200300\"},"
                + "\"contacts\":[{\"profile\":{\"name\":\"Synthetic Name\"},\"wa_id\":\"" + from + "\"}],"
                + "\"messages\":[" + String.join(",", messages) + "]},\"field\":\"messages\"}]}]}";
    }

    public static String statuses(List<String> statuses) {
        return "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"WABA-1\",\"changes\":[{\"value\":{"
                + "\"messaging_product\":\"whatsapp\",\"metadata\":{\"phone_number_id\":\"100200300\"},"
                + "\"statuses\":[" + String.join(",", statuses) + "]},\"field\":\"messages\"}]}]}";
    }

    public static String text(String from, String text) {
        return payload(from, List.of(message("text.json", from, newWamid(), text, null, null)));
    }

    public static String button(String from, String data) {
        return payload(from, List.of(message("button_reply.json", from, newWamid(), null, data, null)));
    }

    public static String signature(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(FakePlatforms.WHATSAPP_APP_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Response post(String body) {
        return post(body, signature(body));
    }

    public static Response post(String body, String signature) {
        var request = given().contentType(ContentType.JSON).body(body.getBytes(StandardCharsets.UTF_8));
        if (signature != null) {
            request = request.header("X-Hub-Signature-256", signature);
        }
        return request.when().post("/webhooks/whatsapp");
    }

    private static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
