package id.ruangaman.benchmark;

import java.util.ArrayList;
import java.util.List;

import id.ruangaman.testing.TelegramFixtures;
import id.ruangaman.testing.WhatsAppFixtures;

/**
 * One person's whole intake as the webhook payloads a platform would post: the same synthetic answers on
 * Telegram and on WhatsApp, with fresh update ids and message ids each time.
 */
final class IntakeScripts {

    /** A scripted step: a button press (callback data) or something typed. */
    private record Step(boolean button, String value) {
    }

    private static final List<Step> STEPS = steps();

    private IntakeScripts() {
    }

    static int length() {
        return STEPS.size() + 1;
    }

    /** The payloads of one Telegram chat's intake, from /start to the confirmed summary. */
    static List<String> telegram(long chatId) {
        List<String> updates = new ArrayList<>(length());
        updates.add(TelegramFixtures.render("start_command.json", chatId));
        for (Step step : STEPS) {
            updates.add(step.button() ? TelegramFixtures.button(chatId, step.value()) : TelegramFixtures.text(chatId, step.value()));
        }
        return updates;
    }

    /** The payloads of one WhatsApp number's intake, from a greeting to the confirmed summary. */
    static List<String> whatsapp(String number) {
        List<String> updates = new ArrayList<>(length());
        updates.add(WhatsAppFixtures.payload(number, List.of(WhatsAppFixtures.message("text.json", number, WhatsAppFixtures.newWamid(),
                "halo", null, null))));
        for (Step step : STEPS) {
            String fixture = !step.button() ? "text.json"
                    : step.value().startsWith("age_range") || step.value().startsWith("services") ? "list_reply.json" : "button_reply.json";
            updates.add(WhatsAppFixtures.payload(number, List.of(WhatsAppFixtures.message(fixture, number, WhatsAppFixtures.newWamid(),
                    step.button() ? null : step.value(), step.button() ? step.value() : null, null))));
        }
        return updates;
    }

    private static List<Step> steps() {
        List<Step> steps = new ArrayList<>();
        for (String data : List.of("language:id", "consent:yes", "in_danger:no", "safe_to_reply:yes", "reporter_role:victim",
                "send_now:details", "violence_type:sexual_assault", "violence_type:done", "incident_when:within_month", "victim_minor:no",
                "incident_place:campus")) {
            steps.add(new Step(true, data));
        }
        steps.add(new Step(false, "Cerita sintetis untuk uji beban: kejadian di lorong gedung, tidak ada nama asli di sini."));
        for (String data : List.of("chronology:done", "biodata_offer:yes", "name:skip", "age_range:25_34", "gender:skip", "campus_status:student")) {
            steps.add(new Step(true, data));
        }
        steps.add(new Step(false, "Fakultas Sintetis"));
        for (String data : List.of("disability:skip", "reported_offer:yes", "relation:stranger", "reported_person:skip", "evidence_consent:no",
                "services:legal", "services:done", "urgent_need:skip", "contact_offer:no", "stats_consent:yes", "summary:confirm")) {
            steps.add(new Step(true, data));
        }
        return List.copyOf(steps);
    }
}
