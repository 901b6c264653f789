package id.ruangaman.benchmark;

import java.util.ArrayList;
import java.util.List;

import id.ruangaman.testing.IntakeWalk;
import id.ruangaman.testing.TelegramFixtures;
import id.ruangaman.testing.WhatsAppFixtures;

/**
 * One person's whole intake as the webhook payloads a platform would post: the same synthetic answers on
 * Telegram and on WhatsApp, with fresh update ids and message ids each time.
 */
final class IntakeScripts {

    private static final IntakeWalk WALK = IntakeWalk.of("language:id", "consent:yes", "in_danger:no", "safe_to_reply:yes",
            "reporter_role:victim", "send_now:details", "violence_type:sexual_assault", "violence_type:done", "incident_when:within_month",
            "victim_minor:no", "incident_place:campus",
            "Cerita sintetis untuk uji beban: kejadian di lorong gedung, tidak ada nama asli di sini.", "chronology:done",
            "biodata_offer:yes", "name:skip", "age_range:25_34", "gender:skip", "campus_status:student", "Fakultas Sintetis",
            "disability:skip", "reported_offer:yes", "relation:stranger", "reported_person:skip", "evidence_consent:no", "services:legal",
            "services:done", "urgent_need:skip", "contact_offer:no", "stats_consent:yes", "summary:confirm");

    private IntakeScripts() {
    }

    static int length() {
        return WALK.steps().size() + 1;
    }

    /** The payloads of one Telegram chat's intake, from /start to the confirmed summary. */
    static List<String> telegram(long chatId) {
        List<String> updates = new ArrayList<>(length());
        updates.add(TelegramFixtures.render("start_command.json", chatId));
        updates.addAll(WALK.telegram(chatId));
        return updates;
    }

    /** The payloads of one WhatsApp number's intake, from a greeting to the confirmed summary. */
    static List<String> whatsapp(String number) {
        List<String> updates = new ArrayList<>(length());
        updates.add(WhatsAppFixtures.text(number, "halo"));
        updates.addAll(WALK.whatsApp(number));
        return updates;
    }
}
