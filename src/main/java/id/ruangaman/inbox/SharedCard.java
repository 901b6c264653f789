package id.ruangaman.inbox;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import id.ruangaman.conversation.Input;

/**
 * A contact card a survivor shared (a witness's number, say), as the inbox may show it: the name on the card and how
 * many phone numbers it holds, never the numbers (a third party's, shown only on a deliberate, audited click, like an
 * evidence file). Read from the card itself or from the one line {@link Input.SharedContact#describe()} wrote into an
 * answer ("👤 name · phone, phone", "👤 phone", "👤 name").
 *
 * @param name    the name on the card, or null
 * @param numbers how many phone numbers the card holds
 */
record SharedCard(String name, int numbers) {

    private static final java.util.regex.Pattern LIST_SEPARATOR = java.util.regex.Pattern.compile(", ", java.util.regex.Pattern.LITERAL);
    private static final java.util.regex.Pattern PHONE = java.util.regex.Pattern.compile("[+0-9 ().\\-]{3,40}");

    private static final String MARK = "\uD83D\uDC64 ";
    private static final String SEPARATOR = " \u00B7 ";

    static SharedCard of(Input.SharedContact card) {
        String name = card.name() == null || card.name().isBlank() ? null : card.name().strip();
        return new SharedCard(name, (int) card.phones().stream().filter(p -> p != null && !p.isBlank()).count());
    }

    /** The card an answer's line quotes, or empty when the line is anything else (what a person typed). */
    static Optional<SharedCard> inAnswer(String line) {
        if (line == null || !line.startsWith(MARK)) {
            return Optional.empty();
        }
        String rest = line.substring(MARK.length());
        if ("?".equals(rest)) {
            return Optional.of(new SharedCard(null, 0));
        }
        int split = rest.lastIndexOf(SEPARATOR);
        String tail = split < 0 ? rest : rest.substring(split + SEPARATOR.length());
        List<String> numbers = Arrays.stream(LIST_SEPARATOR.split(tail)).map(String::strip).toList();
        if (numbers.stream().allMatch(SharedCard::phone)) {
            return Optional.of(new SharedCard(split < 0 ? null : rest.substring(0, split), numbers.size()));
        }
        return Optional.of(new SharedCard(rest, 0)); // a card with a name only
    }

    /** Whether the text is a phone number as a card carries it: digits with +, spaces, dashes, dots or brackets. */
    private static boolean phone(String text) {
        return PHONE.matcher(text).matches() && text.chars().anyMatch(Character::isDigit);
    }
}
