package id.ruangaman.inbox;

import id.ruangaman.conversation.definition.KindRules;
import id.ruangaman.conversation.definition.NodeKind;
import id.ruangaman.conversation.engine.NodeHandlers;

import id.ruangaman.web.InboxLocale;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import id.ruangaman.audit.AuditDetail;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import id.ruangaman.conversation.Answer;
import id.ruangaman.conversation.Flow;
import id.ruangaman.conversation.definition.ChoiceIds;
import id.ruangaman.conversation.definition.LocalizedText;
import id.ruangaman.conversation.definition.MessageKey;
import id.ruangaman.conversation.definition.NodeDefinition;
import id.ruangaman.conversation.definition.OptionDefinition;
import id.ruangaman.intake.ConversationConfig;
import id.ruangaman.intake.FlowRegistry;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/**
 * The one lookup from a code to what a person reads ({@code inject:labels} in templates), in the inbox language
 * of this request. Answer keys and option ids come from the flow file (its {@code label}s, else the question
 * text); statuses, roles, services, channels, components, audit actions and units come from the message
 * bundle ({@code messages/msg*.properties}). A code that has no label anywhere is shown as a neutral
 * "(tidak dikenal)"/"(unknown)" text, never as itself, except free text that a person typed.
 */
@RequestScoped
@Named("labels")
public class Labels {

    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");
    private static final java.util.regex.Pattern COUNT = java.util.regex.Pattern.compile("[0-9]{1,9}");
    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("[0-9]+");

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy");

    private final FlowRegistry flows;
    private final ConversationConfig conversations;
    private final InboxLocale locale;
    private InboxMessages msg;

    Labels(FlowRegistry flows, ConversationConfig conversations, InboxLocale locale) {
        this.flows = flows;
        this.conversations = conversations;
        this.locale = locale;
    }

    /** Labels in a given language, outside a request (tests, prints rendered for another reader). */
    public static Labels in(FlowRegistry flows, ConversationConfig conversations, String language) {
        Labels labels = new Labels(flows, conversations, null);
        labels.language = language;
        return labels;
    }

    private String language;

    public String language() {
        if (language != null) {
            return language;
        }
        return locale == null ? "id" : locale.getTag(); // read each time: a print may choose its reader's language
    }

    private String msgLanguage;

    private InboxMessages msg() {
        if (msg == null || !language().equals(msgLanguage)) {
            msgLanguage = language();
            msg = "en".equals(language()) ? MessageBundles.get(InboxMessages.class, Localized.Literal.of("en"))
                    : MessageBundles.get(InboxMessages.class);
        }
        return msg;
    }

    private Flow flow() {
        return flows.current(conversations.defaultFlow());
    }

    private String text(LocalizedText text) {
        return text == null ? null : text.in(language(), "id");
    }

    // --- the intake flow's answers ---

    /** The label of an answer key ({@code age_range} → "Usia"). */
    public String key(String key) {
        String inbox = msg().answer_key_inbox(key);
        if (!inbox.isEmpty()) {
            return inbox; // the flow's own label is phrased to the survivor
        }
        Optional<NodeDefinition> node = flow().nodeForKey(key);
        if (node.isPresent() && node.get().label() != null && node.get().label().has(language())) {
            return text(node.get().label());
        }
        String bundled = msg().answer_key(key);
        if (!bundled.isEmpty()) {
            return bundled;
        }
        return node.map(n -> text(n.text())).filter(t -> t != null && !t.isBlank()).orElse(msg().unknown_code());
    }

    /**
     * A part of the intake not given yet ({@code IntakeRecord.PARTS}), named by exactly what is missing: a part of one
     * answer by that answer's own label, as the case page lists it ({@code chronology} → "Cerita", not the whole
     * chronology component); a part of several answers by the bundle's part label ({@code about_reporter} → "Data diri").
     */
    public String part(String part) {
        List<String> keys = id.ruangaman.intake.IntakeRecord.PARTS.getOrDefault(part, List.of());
        if (keys.size() == 1) {
            return key(keys.get(0));
        }
        return orUnknown(msg().part(part), part);
    }

    /** The label of one chosen option of the answer under {@code key} ({@code 18_24} → "18–24", {@code yes} → "Ya"). */
    public String option(String key, String optionId) {
        return flow().nodeForKey(key).map(node -> optionOf(node, optionId)).orElseGet(() -> systemChoice(optionId));
    }

    private String optionOf(NodeDefinition node, String optionId) {
        for (OptionDefinition option : node.options()) {
            if (option.id().equals(optionId)) {
                return text(option.label());
            }
        }
        if (node.kind() != null && "SUMMARY".equals(node.kind().name())) {
            Optional<NodeDefinition> target = flow().findNode(optionId);
            if (target.isPresent() && target.get().label() != null) {
                return text(target.get().label());
            }
        }
        return systemChoice(optionId);
    }

    private String systemChoice(String optionId) {
        MessageKey key = switch (optionId == null ? "" : optionId) {
            case ChoiceIds.YES -> MessageKey.YES;
            case ChoiceIds.NO -> MessageKey.NO;
            case ChoiceIds.SKIP -> MessageKey.SKIP;
            case ChoiceIds.DONE -> MessageKey.DONE;
            case ChoiceIds.CONFIRM -> MessageKey.SUMMARY_CONFIRM;
            case ChoiceIds.EDIT -> MessageKey.SUMMARY_EDIT;
            case ChoiceIds.BACK -> MessageKey.SUMMARY_BACK;
            case "continue" -> MessageKey.RESUME_CONTINUE;
            case "restart" -> MessageKey.RESUME_RESTART;
            default -> null;
        };
        if (key != null) {
            return text(flow().message(key));
        }
        for (String lang : flow().languages()) {
            if (lang.equals(optionId)) {
                return flow().message("language_name").map(t -> t.in(lang, lang)).orElse(msg().unknown_code());
            }
        }
        return msg().unknown_code();
    }

    /** A button press seen in the transcript, from its callback data {@code node:option}: "Menekan tombol: 18–24". */
    public String button(String callbackData) {
        return pressed(buttonLabel(callbackData));
    }

    /** "Menekan tombol: <label>" / "Tapped: <label>". */
    public String pressed(String label) {
        return msg().button_pressed(label);
    }

    /**
     * As {@link #pressed(String)}, with the survivor's own words beside the label when they differ ("Tapped: Me (the
     * reporter chose “Saya”)"): the button as it was shown to them, in their language. {@code own}: null for none.
     */
    public String pressed(String label, String own) {
        return msg().button_pressed(label) + beside(own);
    }

    /** A press of a button no longer current, which is not a message: "Tapped an old button (…): <label>". */
    public String pressedStale(String label, String own) {
        return msg().button_pressed_stale(label) + beside(own);
    }

    private String beside(String own) {
        return own == null || own.isBlank() ? "" : " (" + msg().survivor_chose(own) + ")";
    }

    /** The transcript's line for a quick exit row (the bot deleted its recent messages on the person's phone). */
    public String quickExitLine() {
        return msg().msg_quick_exit();
    }

    /** The transcript's line for a WhatsApp template that invited the person back. */
    public String invitationLine() {
        return msg().msg_invitation();
    }

    /** The label of a button from its callback data, in the current flow; "(tidak dikenal)" when it has none. */
    public String buttonLabel(String callbackData) {
        if (callbackData == null) {
            return msg().unknown_code();
        }
        int colon = callbackData.indexOf(':');
        String nodeId = colon < 0 ? callbackData : callbackData.substring(0, colon);
        String optionId = colon < 0 ? "" : callbackData.substring(colon + 1);
        return flow().findNode(nodeId).map(node -> optionOf(node, optionId)).orElseGet(() -> systemChoice(optionId));
    }

    /** An answer as text: chosen options by label, a rough date in words, typed texts as typed. */
    public String answer(AnswerLine line) {
        return answer(line, true);
    }

    /**
     * The answer as {@link #answer} reads it, less the words its files came with ({@link Answer#captions()}), for a page
     * that shows each file with its own caption beside it ({@link #caption}): the notes typed on their own, in order. An
     * answer stored before captions were kept has none, and reads as {@link #answer} does.
     */
    public String notes(AnswerLine line) {
        return answer(line, false);
    }

    /**
     * The words the file {@code mediaId} came with, quoted, to show beside it: "“ini chat dia tanggal 3”"; marked as
     * forwarded ("Diteruskan dari chat lain: “…”") when the pelapor forwarded them and the file beside them does not say
     * so already ({@code fileForwarded}: the file's own mark is shown). Empty when the file came without words, or the
     * answer is older than captions kept beside their files.
     */
    public String caption(AnswerLine line, String mediaId, boolean fileForwarded) {
        Answer a = line.answer();
        List<Integer> places = a == null || a.skipped() ? List.of() : a.captionOf(mediaId).stream()
                .filter(place -> place >= 0 && place < a.parts().size()).toList();
        if (places.isEmpty()) {
            return "";
        }
        String words = quote(String.join(" ", places.stream().map(a.parts()::get).toList()));
        return !fileForwarded && places.stream().anyMatch(a::forwarded) ? msg().forwarded_as(words) : words;
    }

    private String answer(AnswerLine line, boolean withCaptions) {
        Answer a = line.answer();
        if (a == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        if (a.skipped()) {
            if (a.raw() != null) {
                parts.add(msg().typed_as(quote(card(a.raw())))); // what the survivor typed, labelled as theirs
            }
            return String.join("\n", parts);
        }
        if ("channel".equals(a.kind())) {
            return channel(a.value());
        }
        boolean choice = answersWithOptionIds(a.kind());
        if (a.value() != null) {
            parts.add(choice ? option(line.key(), a.value()) : card(a.value()));
        }
        if (!a.values().isEmpty()) {
            parts.add(String.join(", ", a.values().stream().map(v -> option(line.key(), v)).toList()));
        }
        if (a.date() != null) {
            parts.add(roughDate(a.date(), a.precision() == null ? null : a.precision().name())
                    + (a.raw() == null ? "" : " — " + quote(a.raw())));
        } else if (a.raw() != null && a.value() == null && a.values().isEmpty()) {
            parts.add(card(a.raw()));
        } else if (a.raw() != null && choice) {
            parts.add(msg().typed_as(quote(a.raw())));
        }
        for (int place = 0; place < a.parts().size(); place++) {
            if (withCaptions || !a.captioned(place)) {
                parts.add(forwardedOrOwn(a, place, card(a.parts().get(place))));
            }
        }
        return String.join("\n", parts);
    }

    /** The line at {@code place} of an answer, marked as forwarded when the pelapor forwarded it ({@link Answer#forwarded()}). */
    private String forwardedOrOwn(Answer a, int place, String line) {
        return a.forwarded(place) ? msg().forwarded_as(quote(line)) : line;
    }

    /** An answer's line; a shared contact card in it as its name and that it holds a number, never the number. */
    private String card(String line) {
        return SharedCard.inAnswer(line).map(this::contactCard).orElse(line);
    }

    /**
     * A line the service could not read, as people see it: "Pesan yang tidak bisa dibaca (jenis: polling)". The kind is
     * the channel's code ({@code Input.Unsupported#kind}); one without a label reads "lainnya", never as the code.
     */
    String unreadable(String kind) {
        return msg().unreadable_line(msg().unreadable_kind(kind == null ? "" : kind.toLowerCase(Locale.ROOT)));
    }

    /**
     * A change to an earlier message that the service cannot quote ({@code Input.Unsupported} on a line of kind
     * {@code edit}), as people see it: "Pengirim menghapus pesan ini" for {@code revoke}, else "Pesan ini diubah ...".
     */
    String changed(String kind) {
        return msg().changed_line(kind == null ? "" : kind.toLowerCase(Locale.ROOT));
    }

    /** A shared contact card as people see it: "Kartu kontak: Sinta · 1 nomor telepon (disembunyikan)". */
    String contactCard(SharedCard card) {
        return msg().contact_card(card.name(), card.numbers());
    }

    private static String quote(String text) {
        return "\u201c" + text + "\u201d";
    }

    /** A rough date: "12 Maret 2026", "Maret 2026", "sekitar minggu 9 Maret 2026", "2026". */
    public String roughDate(LocalDate date, String precision) {
        Locale loc = "en".equals(language()) ? Locale.ENGLISH : InboxLocale.INDONESIAN;
        String p = precision == null ? "DAY" : precision;
        return switch (p) {
            case "YEAR" -> String.valueOf(date.getYear());
            case "MONTH" -> MONTH.withLocale(loc).format(date);
            case "WEEK" -> msg().week_of(DAY.withLocale(loc).format(date));
            default -> DAY.withLocale(loc).format(date);
        };
    }

    // --- codes from the bundle ---

    public String status(String code) {
        return code == null ? "" : orUnknown(msg().status(code), code);
    }

    public String role(String code) {
        return code == null ? "" : orUnknown(msg().role(code), code);
    }

    /**
     * A service ({@code follow_up_counselling}) by the intake flow's own option label of its {@code services} question
     * ("Konseling untuk memahami hak dan pilihan"): the team reads the help the survivor asked for in the survivor's words, everywhere
     * (case list, case page, prints, referrals, directory, reports). No second table that could drift in meaning.
     */
    public String service(String code) {
        return code == null ? "" : option(SERVICES_KEY, code);
    }

    /** The answer key of the intake question whose option ids are the service codes. */
    public static final String SERVICES_KEY = "services";

    /**
     * Answers the inbox shows under a staff classification rather than in the survivor's words, each labelled as
     * such on the page, with the survivor's own choice beside it where the words differ ({@link #ownWords}):
     * answer key → the classification's name ({@code msg:term(name)}).
     */
    public static final Map<String, String> CLASSIFIED = Map.of("violence_type", "gbvims", "reporter_role", "sop");

    /** A kind of violence ({@code sexual_assault}) by its GBVIMS classification term ("Serangan seksual"). */
    public String violence(String code) {
        return code == null ? "" : orUnknown(msg().violence(code), code);
    }

    /** The classification term for an option of a {@link #CLASSIFIED} answer; the flow's label for any other answer. */
    public String classified(String key, String code) {
        return switch (CLASSIFIED.getOrDefault(key, "")) {
            case "gbvims" -> violence(code);
            case "sop" -> role(code);
            default -> option(key, code);
        };
    }

    /**
     * What the survivor chose, in the flow's words ("Sentuhan seksual paksa"), when the inbox shows that choice under
     * a classification with other words ("Serangan seksual"); empty when the words are the same.
     */
    public String ownWords(String key, String code) {
        String own = option(key, code);
        return own.equals(classified(key, code)) ? "" : own;
    }

    /** Comma-separated service codes ({@code psychological,legal}) → "Psikologis, Hukum". */
    public String services(String codes) {
        return list(codes, this::service);
    }

    public String channel(Object channel) {
        return channel == null ? "" : orUnknown(msg().channel(channel.toString()), channel.toString());
    }

    public String component(String code) {
        return code == null ? "" : orUnknown(msg().component(code), code);
    }

    public String accountRole(String code) {
        return code == null ? "" : orUnknown(msg().role_account(code), code);
    }

    public String mediaKind(String kind) {
        return kind == null ? "" : orUnknown(msg().media_kind(kind.toLowerCase(Locale.ROOT)), kind);
    }

    /** A referral part ({@code chronology}) → "Kronologi"; a list of them comma-separated. */
    public String parts(String codes) {
        return list(codes, code -> orUnknown(msg().referral_part(code), code));
    }

    /**
     * Language codes as names ({@code id, jv, en} → "Bahasa Indonesia, Jawa, Inggris"); a code without a name in the
     * bundle is shown as written, since a provider's directory entry may name any language.
     */
    public String languages(String codes) {
        return list(codes, code -> {
            String name = msg().language_name(code.toLowerCase(Locale.ROOT));
            return name.isBlank() ? code : name;
        });
    }

    // --- the audit log ---

    /** An audit row's actor: an account's username as written; an actor that is not an account by its label. */
    public String actor(String actor) {
        return actor != null && AuditDetail.SYSTEM_ACTORS.contains(actor) ? msg().audit_system_actor(actor) : actor;
    }

    public String auditAction(String code) {
        return code == null ? "" : orUnknown(msg().audit_action_name(code.toLowerCase(Locale.ROOT)), code);
    }

    /**
     * An audit row's detail ({@code tick:chronology}, {@code status:new->verified}, {@code referral:4 parts:identity,needs})
     * as words; numbers (account, message, referral ids) stay numbers.
     */
    public String auditDetail(String detail) {
        return auditDetail(detail, Map.of());
    }

    /**
     * As {@link #auditDetail(String)}, with the names of things the page knows ({@code provider:4} → the provider's
     * name), shown instead of their ids.
     */
    public String auditDetail(String detail, Map<String, String> names) {
        if (detail == null || detail.isBlank()) {
            return "";
        }
        List<String> out = new ArrayList<>();
        for (String token : SPACES.split(detail.trim())) {
            int colon = token.indexOf(':');
            if (colon < 0) {
                out.add(token.contains("->") ? statusChange(token) : word(token));
                continue;
            }
            String name = token.substring(0, colon);
            String value = token.substring(colon + 1);
            if (names.containsKey(token)) {
                out.add(word(name) + " " + names.get(token));
                continue;
            }
            if (AuditDetail.COUNTS.contains(name) && COUNT.matcher(value).matches()) {
                out.add(msg().audit_count(name, Integer.parseInt(value)));
                continue;
            }
            String shown = switch (name) {
                case "tick", "untick", "component" -> component(value);
                case "status", "from", "to" -> value.contains("->") ? statusChange(value) : anyStatus(value);
                case "field" -> orUnknown(msg().reveal_field(value), value);
                case "reason" -> reason(value);
                case "parts" -> "none".equals(value) ? "—" : parts(value); // a referral with no part ticked
                case "role", "from_role" -> msg().role_account(value).equals(value) ? word(value) : accountRole(value);
                case "service" -> service(value);
                case "assignee" -> "none".equals(value) ? "—" : "#" + value;
                case "path" -> value;
                case "until" -> value;
                case "cases" -> value; // how many cases an erasure kept as shells: a count, not a case number
                case "period" -> period(value);
                case "aggravating" -> list(value, this::word);
                // the check-in's "with" says "Lembaga layanan" as its form does; "provider" alone names a referral's provider
                case "with" -> word("provider".equals(value) ? "service_provider" : value);
                default -> NUMBER.matcher(value).matches() ? "#" + value : word(value);
            };
            out.add(word(name) + " " + shown);
        }
        return String.join(" · ", out);
    }

    /** What an audit row shows for a thing it names by id that is no longer there: "(sudah dihapus)" / "(deleted)". */
    String auditGone() {
        return msg().audit_gone();
    }

    /** A report period {@code month:2026:11} as "bulan 2026 11": the kind's label, then its year and part as written. */
    private String period(String value) {
        String[] parts = value.split(":", 2);
        return parts.length < 2 ? value : word(parts[0]) + " " + parts[1].replace(':', ' ');
    }

    private String statusChange(String token) {
        int arrow = token.indexOf("->");
        return anyStatus(token.substring(0, arrow)) + " → " + anyStatus(token.substring(arrow + 2));
    }

    /** A word of an audit detail: its label, else a status label, else "(unknown)". */
    private String word(String code) {
        String label = msg().audit_word(code);
        return label.equals(code) ? anyStatus(code) : label;
    }

    private String anyStatus(String code) {
        String label = msg().status(code);
        if (!label.equals(code)) {
            return label;
        }
        return orUnknown(msg().referral_status(code), code);
    }

    // --- durations ---

    /** Time left until {@code due} as "2 hari 23 jam" / "2 days 23 hours"; past due as "lewat 5 jam" / "5 hours late". */
    public String countdown(Instant due, Instant now) {
        if (due == null) {
            return "";
        }
        return duration(Duration.between(now, due));
    }

    public String duration(Duration left) {
        Duration d = left.abs();
        long days = d.toDays();
        long hours = d.toHoursPart();
        long minutes = d.toMinutesPart();
        String span = days > 0 ? msg().days(days) + " " + msg().hours(hours) : msg().hours(hours) + " " + msg().minutes(minutes);
        return left.isNegative() ? msg().late_by(span) : span;
    }

    private static String list(String codes, Function<String, String> label) {
        if (codes == null || codes.isBlank()) {
            return "";
        }
        return String.join(", ", Arrays.stream(codes.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(label).toList());
    }

    /** A bundle entry answers with the code itself when it has no label for it. */
    private String orUnknown(String label, String code) {
        return label == null || label.isBlank() || label.equals(code) ? msg().unknown_code() : label;
    }

    private String reason(String code) {
        for (String label : List.of(msg().reveal_why(code), msg().close(code), msg().erase_why(code))) {
            if (!label.isBlank() && !label.equals(code)) {
                return label;
            }
        }
        return word(code);
    }

    /** Whether an answer of this kind (its file name, {@code Answer.kind}) holds option ids, as the kind's handler declares. */
    private static boolean answersWithOptionIds(String kind) {
        if (kind == null) {
            return false;
        }
        try {
            KindRules rules = NodeHandlers.rulesOf(NodeKind.valueOf(kind.toUpperCase(java.util.Locale.ROOT)));
            return rules.options() || !rules.values().isEmpty();
        } catch (IllegalArgumentException unknownKind) {
            return false;
        }
    }
}
