package id.ruangaman.referral;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import id.ruangaman.conversation.AnswerWords;
import id.ruangaman.conversation.definition.LocalizedText;
import id.ruangaman.conversation.engine.LaterWords;
import id.ruangaman.conversation.engine.TypedYesNo;
import id.ruangaman.conversation.text.AnswerText;

/**
 * A typed answer to the referral consent question. A no is read as the intake's yes/no questions read it
 * ({@link TypedYesNo}: "tidak", "gak mau", "jangan", "no thanks"). A yes must be a clear yes: consent to share a
 * survivor's data with another organisation is given in words that agree ("iya boleh", "ya setuju", "boleh",
 * "yes I agree"), never by a thank-you or a bare acknowledgement ("ok makasih kak", "oke", "siap", "sip", "👍"), which
 * the intake would take as a yes (SOP: rujukan only with the survivor's consent). Those are unclear: one kind re-prompt
 * naming both buttons, and nothing recorded. A reply that puts the answer off ({@link LaterWords#postpones}: "boleh
 * tapi nanti", "ok nanti ya", "jangan sekarang") is neither a yes nor a no, whatever its first word.
 */
final class TypedConsent {

    private static final java.util.regex.Pattern NOT_WORD = java.util.regex.Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final java.util.regex.Pattern NOT_LETTER = java.util.regex.Pattern.compile("[^\\p{L}]+");
    private static final java.util.regex.Pattern REPEATED = java.util.regex.Pattern.compile("(\\p{L})\\1+");

    /** Words that agree, in both languages; at least one must be typed for a yes to count as consent. */
    static final Set<String> AGREEING = Set.of("ya", "iya", "iy", "iye", "y", "yes", "yep", "yup", "yups", "yeah", "yoi",
            "setuju", "boleh", "bole", "blh", "bersedia", "mau", "agree", "sure", "nggih", "inggih", "enggih", "iyo", "hooh",
            "heeh", "muhun");

    private static final Set<String> AGREEING_COLLAPSED = AGREEING.stream().map(TypedConsent::collapse).collect(Collectors.toSet());

    private TypedConsent() {
    }

    /**
     * @return true for a clear yes, false for a no, empty when unclear (including a thank-you or an acknowledgement)
     */
    static Optional<Boolean> read(String typed, AnswerWords words, LocalizedText yesLabel, LocalizedText noLabel) {
        if (LaterWords.postpones(typed, words)) {
            // "boleh tapi nanti", "ok nanti ya" was consent and "jangan sekarang", "gak sekarang" a refusal (the first
            // word decided): a "later" is neither; typedConsent answers it with "no hurry" and the buttons
            return Optional.empty();
        }
        Optional<Boolean> answer = TypedYesNo.read(typed, words, yesLabel, noLabel);
        if (answer.isEmpty() || !answer.get()) {
            return answer;
        }
        return agrees(typed) ? answer : Optional.empty();
    }

    /**
     * Whether {@code typed}, read as neither yes nor no, says the person wants time to decide ("nanti dulu", "aku
     * pikir-pikir dulu", "belum tahu", "later", "let me think", "not sure yet"): a word of the {@code later:} list of
     * {@code conversations/_answer_words.yaml} ({@link LaterWords#mentioned}), which a task force edits there.
     */
    static boolean later(String typed, AnswerWords words) {
        return LaterWords.mentioned(typed, words);
    }

    /**
     * Whether {@code typed} is only a change of mind about a consent given: a phrase of {@code changed_mind:} in
     * {@code conversations/_answer_words.yaml} ("tidak jadi", "aku berubah pikiran", "batalkan", "gak jadi deh", "I
     * changed my mind"), with nothing else but small words ({@link #AROUND_A_CHANGE}). A message that says more ("dia
     * gak jadi datang kemarin") is an ordinary message to the counsellor.
     */
    static boolean changedMind(String typed, AnswerWords words) {
        List<String> tokens = words(typed);
        boolean[] covered = new boolean[tokens.size()];
        for (String phrase : words.allChangedMind()) {
            List<String> wanted = words(phrase);
            for (int start = 0; !wanted.isEmpty() && start + wanted.size() <= tokens.size(); start++) {
                if (tokens.subList(start, start + wanted.size()).equals(wanted)) {
                    Arrays.fill(covered, start, start + wanted.size(), true);
                }
            }
        }
        boolean any = false;
        for (int i = 0; i < tokens.size(); i++) {
            if (!covered[i] && !AROUND_A_CHANGE.contains(tokens.get(i))) {
                return false;
            }
            any |= covered[i];
        }
        return any;
    }

    /** Small words around a change of mind that say nothing else: "aku gak jadi deh kak", "tolong batalkan rujukannya". */
    static final Set<String> AROUND_A_CHANGE = Stream.of("kak", "ka", "kk", "deh", "dong", "sih", "aja", "saja", "ya", "yah",
            "nih", "aku", "saya", "gue", "gw", "udah", "sudah", "mau", "ingin", "pengen", "tolong", "maaf", "sorry", "mbak",
            "mba", "mas", "bang", "eh", "hmm", "kayaknya", "sepertinya", "persetujuan", "persetujuanku", "persetujuannya",
            "rujukan", "rujukannya", "rujukanku", "itu", "nya", "please", "i", "ive", "have", "my", "the", "it", "that",
            "consent", "referral", "actually").map(AnswerText::normalize).collect(Collectors.toUnmodifiableSet());

    private static List<String> words(String text) {
        return Arrays.stream(NOT_WORD.split(AnswerText.normalize(text).replace("'", "")))
                .filter(word -> !word.isEmpty()).toList();
    }

    /** Whether a word of {@code typed} agrees (letters repeated for emphasis count once: "iyaaa", "bolehh"). */
    static boolean agrees(String typed) {
        return Arrays.stream(NOT_LETTER.split(AnswerText.normalize(typed))).filter(word -> !word.isEmpty())
                .map(TypedConsent::collapse).anyMatch(AGREEING_COLLAPSED::contains);
    }

    private static String collapse(String word) {
        return REPEATED.matcher(word).replaceAll("$1");
    }
}
