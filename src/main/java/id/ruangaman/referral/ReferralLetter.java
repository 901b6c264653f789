package id.ruangaman.referral;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import id.ruangaman.transcript.Contact;
import id.ruangaman.transcript.MediaRepository.KeptFile;
import id.ruangaman.conversation.Answer;
import id.ruangaman.inbox.AnswerLine;
import id.ruangaman.inbox.IntakeSections;
import id.ruangaman.transcript.MediaRepository;

/**
 * The content of a referral request letter (surat permohonan rujukan): the referral, the provider, and only the
 * parts the consent covers, decrypted from the intake record. Parts without consent are never read into it.
 * {@code files} lists the kept evidence files (kind, size, when received; never their content), only when the
 * evidence part is consented; {@code referrerRole} is the role code of the account that drafted the referral;
 * {@code directContact} whether the contact part holds a way to reach the person directly (see {@link #reachableDirectly});
 * {@code evidenceNumbers} the case's evidence numbers by file id ({@code MediaRepository.evidenceNumbers}), so a file named
 * in an answer is "Bukti 3" here as on the case page and in the file list.
 */
public record ReferralLetter(ReferralService.Item item, List<Part> parts, List<KeptFile> files, String referrerRole,
        boolean directContact, Map<Long, Integer> evidenceNumbers) {

    /** The case's number of the file {@code mediaId} names ("3" for "Bukti 3"); null for a file the case does not keep. */
    public String evidenceNo(Object mediaId) {
        return MediaRepository.evidenceNo(evidenceNumbers, mediaId);
    }

    /** One consented part: its code and its lines (key, text). */
    public record Part(String code, List<AnswerLine> lines) {
    }

    /**
     * The letter's default language, the provider's: its declared languages ({@code languages: "id, en"} in
     * conversations/_providers.yaml) name Bahasa Indonesia → "id"; else English when declared → "en"; else "id".
     */
    public String language() {
        String declared = item.provider().languages == null ? "" : item.provider().languages;
        List<String> codes = java.util.Arrays.stream(declared.split(",")).map(String::trim).toList();
        return codes.contains("id") || !codes.contains("en") ? "id" : "en";
    }

    private static final List<String> CONTACT_SAFETY_KEYS = List.of("safe_to_reply", "contact_times", "never_do");

    static ReferralLetter of(ReferralService.Item item, Contact contact, List<KeptFile> files, String referrerRole,
            Map<Long, Integer> evidenceNumbers) {
        Set<ReferralPart> consented = item.referral().consented();
        IntakeSections intake = IntakeSections.of(item.file().answers);
        List<Part> parts = new ArrayList<>();
        for (ReferralPart part : consented) {
            parts.add(new Part(part.code(), switch (part) {
                case IDENTITY -> intake.section("identification").answers();
                case CHRONOLOGY -> intake.section("chronology").answers();
                case EVIDENCE -> intake.section("evidence").answers();
                case NEEDS -> intake.section("needs").answers();
                case CONTACT -> contactLines(intake, contact);
            }));
        }
        return new ReferralLetter(item, List.copyOf(parts), consented.contains(ReferralPart.EVIDENCE) ? List.copyOf(files) : List.of(),
                referrerRole, reachableDirectly(contact), Map.copyOf(evidenceNumbers));
    }

    /**
     * Whether the chat's platform id is a way for a provider to reach the person: a WhatsApp number is; a Telegram chat
     * id is not (only the bot can write to it), so printing it would hand over an identifier that reaches nobody. Such
     * a person is reached through the task force, by the reference code (the letter says so).
     */
    static boolean reachableDirectly(Contact contact) {
        return contact != null && contact.channel == id.ruangaman.transcript.Channel.WHATSAPP && contact.externalId != null;
    }

    private static List<AnswerLine> contactLines(IntakeSections intake, Contact contact) {
        List<AnswerLine> lines = new ArrayList<>();
        if (contact != null) {
            lines.add(new AnswerLine("channel", new Answer("channel", contact.channel.name(), null, null, null, null, null, false, null),
                    false, List.of()));
            if (reachableDirectly(contact)) {
                lines.add(new AnswerLine("chat_id", Answer.text(contact.externalId), false, List.of()));
            }
        }
        intake.section("safety").answers().stream().filter(a -> CONTACT_SAFETY_KEYS.contains(a.key())).forEach(lines::add);
        return lines;
    }
}
