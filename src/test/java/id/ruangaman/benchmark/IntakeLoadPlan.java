package id.ruangaman.benchmark;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import id.ruangaman.testing.TelegramFixtures;
import id.ruangaman.testing.WhatsAppFixtures;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;

/**
 * Who says what, when: {@code rate} updates a second spread over {@code rate × think} people, each
 * answering one step of the intake every {@code think} seconds. People start staggered, one step of the
 * intake apart, so after the ramp every step of the intake is always being answered by someone; a person
 * who finishes is replaced by a new one. Every {@code whatsappEvery}-th person writes on WhatsApp.
 */
final class IntakeLoadPlan {

    /** The person and step behind each planned request, for matching replies to updates. */
    record Sender(String chatKey, int step, boolean whatsapp) {
    }

    final List<WebhookLoad.Planned> requests = new ArrayList<>();
    final List<Sender> senders = new ArrayList<>();
    /** Due time (nanoseconds from the start) from which every step of the intake is in play. */
    final long steadyFromNanos;
    final int people;
    final int rate;

    private final Map<String, List<String>> scripts = new HashMap<>();
    private final Map<String, String> slotPeople = new HashMap<>();

    IntakeLoadPlan(int rate, double thinkSeconds, int steadySeconds, int whatsappEvery) {
        int length = IntakeScripts.length();
        this.rate = rate;
        this.people = (int) Math.round(rate * thinkSeconds);
        long roundNanos = (long) (thinkSeconds * 1e9);
        this.steadyFromNanos = length * roundNanos;
        int rounds = length + (int) Math.ceil(steadySeconds / thinkSeconds);
        List<Map.Entry<WebhookLoad.Planned, Sender>> planned = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            for (int slot = 0; slot < people; slot++) {
                int offset = slot % length; // the slot joins after this many rounds, so steps are staggered
                if (round < offset) {
                    continue;
                }
                long due = round * roundNanos + slot * roundNanos / people;
                if (due >= steadyFromNanos + steadySeconds * 1_000_000_000L) {
                    continue;
                }
                int step = (round - offset) % length;
                boolean whatsapp = slot % whatsappEvery == 0;
                String key = keyOf(slot, round - offset, length, whatsapp);
                List<String> updates = scripts.computeIfAbsent(key, k -> whatsapp ? IntakeScripts.whatsapp(k.substring(3))
                        : IntakeScripts.telegram(Long.parseLong(k.substring(3))));
                planned.add(Map.entry(new WebhookLoad.Planned(due, whatsapp ? whatsappRequest(updates.get(step))
                        : telegramRequest(updates.get(step))), new Sender(key, step, whatsapp)));
                if (step == length - 1) {
                    scripts.remove(key); // done: the next round in this slot is a new person
                }
            }
        }
        // due times interleave across slots; send them in time order
        planned.sort(Comparator.comparingLong(entry -> entry.getKey().dueNanos()));
        planned.forEach(entry -> {
            requests.add(entry.getKey());
            senders.add(entry.getValue());
        });
    }

    /** The chat of the person in this slot on this walk through the intake. */
    private String keyOf(int slot, int roundsInSlot, int length, boolean whatsapp) {
        String walk = slot + "/" + roundsInSlot / length;
        return slotPeople.computeIfAbsent(walk, w -> whatsapp ? "wa:" + WhatsAppFixtures.newNumber() : "tg:" + TelegramFixtures.newChatId());
    }

    static WebhookLoad.Request telegramRequest(String update) {
        return new WebhookLoad.Request(HttpMethod.POST, "/webhooks/telegram",
                Map.of("X-Telegram-Bot-Api-Secret-Token", ServiceUnderTest.TELEGRAM_SECRET), Buffer.buffer(update.getBytes(StandardCharsets.UTF_8)));
    }

    static WebhookLoad.Request whatsappRequest(String payload) {
        return new WebhookLoad.Request(HttpMethod.POST, "/webhooks/whatsapp",
                Map.of("X-Hub-Signature-256", WhatsAppFixtures.signature(payload)), Buffer.buffer(payload.getBytes(StandardCharsets.UTF_8)));
    }
}
