package id.ruangaman.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One person's way through the intake flow (conversations/intake.yaml), written once and played through any
 * transport: the DEV channel, a Telegram or WhatsApp webhook, or a packaged service. A step written
 * {@code node:option} is a tap on that button, {@code file:<platform file id>} sends that file, anything else is typed.
 * Synthetic answers only.
 */
public final class IntakeWalk {

    /** What the person does at one step. */
    public enum Kind {
        TAP, TYPE, FILE
    }

    /** One step: the callback data tapped, the text typed, or the platform's id of the file sent. */
    public record Step(Kind kind, String value) {
    }

    private final List<Step> steps;

    private IntakeWalk(List<Step> steps) {
        this.steps = List.copyOf(steps);
    }

    /** A walk of the given steps, read as the class comment says. */
    public static IntakeWalk of(String... steps) {
        return new IntakeWalk(List.of()).then(steps);
    }

    /** This walk followed by more steps. */
    public IntakeWalk then(String... more) {
        List<Step> all = new ArrayList<>(steps);
        for (String s : more) {
            all.add(s.startsWith("file:") ? new Step(Kind.FILE, s.substring("file:".length()))
                    : s.matches("[a-z_]+:[A-Za-z0-9_]+") ? new Step(Kind.TAP, s) : new Step(Kind.TYPE, s));
        }
        return new IntakeWalk(all);
    }

    /** This walk followed by another. */
    public IntakeWalk then(IntakeWalk more) {
        List<Step> all = new ArrayList<>(steps);
        all.addAll(more.steps);
        return new IntakeWalk(all);
    }

    /**
     * This walk without its language tap: a new report in a chat whose language is already chosen is not asked it
     * again (the flow goes from the greeting to the privacy note and the consent question).
     */
    public IntakeWalk withoutLanguage() {
        return new IntakeWalk(steps.stream().filter(step -> !(step.kind() == Kind.TAP && step.value().startsWith("language:"))).toList());
    }

    public List<Step> steps() {
        return steps;
    }

    /** Plays the walk in order: each step goes to the consumer of its kind. */
    public void play(Consumer<String> tap, Consumer<String> type, Consumer<String> file) {
        for (Step step : steps) {
            switch (step.kind()) {
                case TAP -> tap.accept(step.value());
                case TYPE -> type.accept(step.value());
                case FILE -> file.accept(step.value());
            }
        }
    }

    /** The walk as the Telegram updates of one chat, with fresh update and message ids (taps and texts only). */
    public List<String> telegram(long chatId) {
        return steps.stream().map(step -> switch (step.kind()) {
            case TAP -> TelegramFixtures.button(chatId, step.value());
            case TYPE -> TelegramFixtures.text(chatId, step.value());
            case FILE -> throw new IllegalArgumentException("a Telegram walk sends no files");
        }).toList();
    }

    /** The walk as WhatsApp webhook payloads from one number, with fresh wamids; a tap is a button or list reply. */
    public List<String> whatsApp(String number) {
        return steps.stream().map(step -> WhatsAppFixtures.payload(number, List.of(switch (step.kind()) {
            case TAP -> WhatsAppFixtures.message(WhatsAppFixtures.replyFixture(step.value()), number, WhatsAppFixtures.newWamid(), null,
                    step.value(), null);
            case TYPE -> WhatsAppFixtures.message("text.json", number, WhatsAppFixtures.newWamid(), step.value(), null, null);
            case FILE -> WhatsAppFixtures.message("image.json", number, WhatsAppFixtures.newWamid(), null, null, step.value());
        }))).toList();
    }

    /**
     * The shortest victim's report sent with details: every skippable question of the opening skipped, an online
     * incident, the chronology typed, no biodata, a stranger reported, evidence consent as given (with yes, no file
     * and no witnesses), the services named, no urgent need, no contact plan (asked only when it is safe to reply)
     * and no statistics consent; the summary confirmed.
     */
    public static IntakeWalk shortVictim(boolean safeToReply, String chronology, String evidenceConsent, String... services) {
        List<String> steps = new ArrayList<>(List.of("language:id", "consent:yes", "in_danger:no",
                "safe_to_reply:" + (safeToReply ? "yes" : "no"), "reporter_role:victim", "send_now:details", "violence_type:skip",
                "incident_when:skip", "victim_minor:no", "incident_place:online", chronology, "chronology:done", "biodata_offer:no",
                "reported_offer:yes", "relation:stranger", "reported_person:skip", "evidence_consent:" + evidenceConsent));
        if ("yes".equals(evidenceConsent)) {
            steps.addAll(List.of("evidence:skip", "witnesses:skip"));
        }
        for (String service : services) {
            steps.add("services:" + service);
        }
        steps.addAll(List.of("services:done", "urgent_need:skip"));
        if (safeToReply) {
            steps.add("contact_offer:no");
        }
        steps.addAll(List.of("stats_consent:skip", "summary:confirm"));
        return of(steps.toArray(String[]::new));
    }

    /**
     * After a chronology: biodata offered with only an age range and a lecturer's faculty, no reported person, one
     * file as evidence, no witnesses, psychological help, no urgent need, no contact plan (asked only when it is safe
     * to reply), no statistics consent; the summary confirmed.
     */
    public static IntakeWalk lecturerWithOneFile(String faculty, String fileId, boolean safeToReply) {
        IntakeWalk walk = of("chronology:done", "biodata_offer:yes", "name:skip", "age_range:25_34", "gender:skip",
                "campus_status:lecturer", faculty, "disability:skip", "reported_offer:no", "evidence_consent:yes", "file:" + fileId,
                "evidence:done", "witnesses:skip", "services:psychological", "services:done", "urgent_need:skip");
        return (safeToReply ? walk.then("contact_offer:no") : walk).then("stats_consent:skip", "summary:confirm");
    }
}
