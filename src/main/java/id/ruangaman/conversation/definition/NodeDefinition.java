package id.ruangaman.conversation.definition;

import id.ruangaman.conversation.MediaKind;
import id.ruangaman.conversation.SharedKind;
import java.util.List;
import java.util.Map;

/**
 * One node of a flow file, exactly as written. See {@code conversations/README.md} for every field. {@code when}: the
 * condition a {@code branch} node tests; {@code mediaRefused}: said instead of the default when a file is sent to this
 * question (which never takes files); {@code onUnclear}: the answer assumed instead of skipping when a reply is not
 * understood ({@link UnclearAnswer}); {@code secret}: on a {@code text} question whose answer must never be repeated in
 * the chat (a code word, on a phone someone else may see), what the summary shows in its place ("sudah dibuat ✓");
 * {@code discreetText}: said instead of {@code text} (and {@code text_by}) to a discreet chat, for a text whose first
 * line names the service or the subject (the greeting after /mulai): a preview there shows the neutral line and then
 * this first line only ({@link Discretion}); {@code noMeansSkip}: on a skippable {@code text} question where a bare
 * "no" cannot be the answer (a name, a code word), a reply that only declines ("gak", "no", "ga mau", "rather not") is
 * the skip button said in words, not the answer; {@code ageBelow}: on a {@code yes_no} question "under N years?", a
 * typed age in years answers it (below N: yes; N or more: no), and a typed number there is an age, never a button's
 * place; {@code tooBroad}: on a choice question, words understood but too broad to pick an option ("pelecehan"),
 * answered with a message that asks to choose ({@link BroadWords}); {@code answerWords}: on a {@code yes_no} question,
 * words that answer this question only, per answer ({@code yes} or {@code no}) and language: "aman" is "no" at "are you
 * in danger now?" and means nothing at another yes/no question, so it cannot be a general answer word; under
 * {@code unclear}, general answer words that answer nothing here ("ok" at "are you in danger now?": asked again);
 * {@code onLater}: on a {@code yes_no} question that cannot be skipped, what is said to a reply of "later" words
 * ({@code later:} of {@code conversations/_answer_words.yaml}: "nanti dulu", "belum siap", "not now"), with the
 * question's buttons, the question staying open and no attempt counted: such a reply is never a yes or a no;
 * {@code onLaterAgain}: beside {@code onLater}, what is said instead from the second "later" in a row, one message with
 * the buttons that moves the person on kindly (they can close the chat and come back, /hapus ...), never the same
 * text again; {@code shared}: on a {@code text}, {@code multi_text} or {@code media} question, what shared items it
 * takes as (part of) the answer ({@code contact}: a witness's card; {@code location}: the place), kept as their one
 * line; anywhere else such an item gets one kind re-prompt and is never an answer; {@code toldEarly}: on the story
 * question ({@code multi_text}), that the story a person starts telling at an earlier question is kept as the beginning
 * of its answer ({@link ToldEarly}).
 */
public record NodeDefinition(
        String id,
        NodeKind kind,
        Integer step,
        String key,
        LocalizedText label,
        LocalizedText text,
        TextVariants textBy,
        List<OptionDefinition> options,
        Map<String, String> exits,
        String next,
        Boolean skippable,
        Validation validation,
        LocalizedText reprompt,
        String onInvalid,
        Boolean setsLanguage,
        Map<String, String> events,
        List<MediaKind> accept,
        String outcome,
        String when,
        LocalizedText mediaRefused,
        UnclearAnswer onUnclear,
        LocalizedText secret,
        LocalizedText discreetText,
        Boolean noMeansSkip,
        Integer ageBelow,
        BroadWords tooBroad,
        Map<String, Map<String, List<String>>> answerWords,
        LocalizedText onLater,
        LocalizedText onLaterAgain,
        List<SharedKind> shared,
        ToldEarly toldEarly) {

    public NodeDefinition {
        options = options == null ? List.of() : List.copyOf(options);
        exits = exits == null ? Map.of() : Map.copyOf(exits);
        events = events == null ? Map.of() : Map.copyOf(events);
        accept = accept == null ? List.of() : List.copyOf(accept);
        shared = shared == null ? List.of() : List.copyOf(shared);
        // in the file's order (the linter reports in it); Map.copyOf would not keep one
        answerWords = answerWords == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(answerWords));
    }

    /** Whether this question takes a shared location or contact card of this kind as (part of) its answer. */
    public boolean takes(SharedKind kind) {
        return shared.contains(kind);
    }

    public boolean isSkippable() {
        return Boolean.TRUE.equals(skippable);
    }

    public boolean isNoMeansSkip() {
        return Boolean.TRUE.equals(noMeansSkip);
    }

    public boolean isLanguageChoice() {
        return Boolean.TRUE.equals(setsLanguage);
    }

    /** The node an exit leads to: the matching {@code exits} entry, else {@code next}. */
    public String target(String exitKey) {
        return exits.getOrDefault(exitKey, next);
    }

    public int maxLength() {
        return validation == null || validation.maxLength() == null ? Limits.MAX_TEXT_LENGTH : validation.maxLength();
    }
}
