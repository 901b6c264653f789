package id.ruangaman.referral;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import id.ruangaman.conversation.Choice;

/**
 * Reads a typed answer to /cabut's "which one?" (choices: one per referral, id = the referral's id, label
 * "N. provider"). Input is already normalised by {@link ReferralChat#normalize} (lower case, words separated by spaces).
 */
final class WithdrawalAnswer {

    private static final Pattern NUMBER = Pattern.compile("(?:no|nomor|nomer|number|yang|yg|the)?\\s*(\\d{1,2})");
    /** Words of a provider's name that tell none apart ("Contoh: ... (fiktif)") or say nothing. */
    private static final Set<String> COMMON = Set.of("contoh", "fiktif", "yang", "untuk", "dan", "the", "of", "and");

    private WithdrawalAnswer() {
    }

    /** "2", "no 2", "yang 2": the referral of that line of the list; empty for none or a number not in the list. */
    static Optional<Long> byNumber(String words, List<Choice> choices) {
        Matcher matcher = NUMBER.matcher(words);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        int n = Integer.parseInt(matcher.group(1));
        return n >= 1 && n <= choices.size() ? id(choices.get(n - 1)) : Optional.empty();
    }

    /**
     * The one referral whose provider's name shares the most words (of 3 letters or more) with the answer; empty when
     * none shares a word, or two share as many.
     */
    static Optional<Long> byName(String words, List<Choice> choices, Function<Long, Optional<String>> providerName) {
        Set<String> typed = significant(words);
        if (typed.isEmpty()) {
            return Optional.empty();
        }
        long best = 0;
        Long chosen = null;
        boolean tie = false;
        for (Choice choice : choices) {
            Optional<Long> id = id(choice);
            if (id.isEmpty()) {
                continue;
            }
            Set<String> name = providerName.apply(id.get()).map(n -> significant(ReferralChat.normalize(n))).orElse(Set.of());
            long shared = typed.stream().filter(name::contains).count();
            if (shared > best) {
                best = shared;
                chosen = id.get();
                tie = false;
            } else if (shared == best && shared > 0) {
                tie = true;
            }
        }
        return best > 0 && !tie ? Optional.of(chosen) : Optional.empty();
    }

    private static Set<String> significant(String words) {
        return Arrays.stream(words.split(" ")).filter(w -> w.length() >= 3 && !COMMON.contains(w)).collect(Collectors.toSet());
    }

    private static Optional<Long> id(Choice choice) {
        try {
            return Optional.of(Long.valueOf(choice.id()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
