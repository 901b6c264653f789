package id.ruangaman.conversation.engine;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import id.ruangaman.conversation.definition.ChoiceIds;
import id.ruangaman.conversation.definition.NumberRange;
import id.ruangaman.conversation.definition.OptionDefinition;
import id.ruangaman.conversation.text.AnswerText;
import id.ruangaman.conversation.text.TimeAgo;
import id.ruangaman.conversation.text.WholeAnswer;

/**
 * Matches typed text to a button: its displayed number ("2"), its id, its label in any language, or a known word; for
 * a flow's choice question also the person's own words ({@link #understand}: typed words and labels inside a longer
 * answer, numbers against {@code number} ranges, times ago against {@code days_ago} ranges).
 */
final class ChoiceMatcher {

    private static final Pattern NEGATIVE_NUMBER = Pattern.compile("-\\d+");
    private static final Pattern SHOWN_NUMBER = Pattern.compile("\\d{1,3}");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern NUMBERS_ONLY = Pattern.compile("[\\d\\s,;]+");
    private static final Pattern NUMBER_SEPARATOR = Pattern.compile("[\\s,;]+");
    private static final Pattern LIST_SEPARATOR = Pattern.compile("\\s*(?:[,;]|\\bdan\\b|\\band\\b)\\s*");
    private static final Pattern NUMBER_LIST = Pattern.compile("\\d{1,3}(\\s*[,;]?\\s*\\d{1,3})*");

    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+");
    /** Punctuation that ends what a negation governs: "no, I want a lawyer". */
    private static final Pattern CLAUSE_BREAK = Pattern.compile("[,.;:!?()]");
    /** A number of at most three digits, not part of a longer one nor glued to a word ("pikir2", "aman2"). */
    private static final Pattern NUMBER = Pattern.compile("(?<![\\d\\p{L}])\\d{1,3}(?!\\d)");

    private ChoiceMatcher() {
    }

    /**
     * A single choice in the person's own words. First {@link #match} (number, id, label, typed word; a bare number
     * only where the options read no values, {@link #readsValues}); else every
     * meaning found in the message: the options whose typed words or label appear in it ({@link #mentioned}), the
     * option whose {@code number} range holds a number in it ("20 tahun"), the option whose {@code days_ago} range
     * holds a time ago in it ({@link TimeAgo}: "tadi malam"). Exactly one option found is the answer; none, two
     * (options with conflicting meanings) or an option named only under a negation ("bukan dosen", "tidak pernah dicek
     * pacar", {@link NegationScope}) is unclear. Where options are denied and exactly one other is named without a
     * negation ("bukan korban, saksi", "bukan mahasiswa tapi dosen", "not me, I saw it"), the named one is the answer.
     */
    static Optional<String> understand(String typed, List<ChoiceSpec> choices, DayOfWeek today) {
        List<OptionDefinition> options = choices.stream().map(ChoiceSpec::option).filter(option -> option != null).toList();
        if (NEGATIVE_NUMBER.matcher(normalize(typed)).matches()) {
            return Optional.empty(); // a negative number: no button's place, no age, no time ago
        }
        Optional<String> exact = readsValues(options) && SHOWN_NUMBER.matcher(normalize(typed)).matches() ? Optional.empty() : match(typed, choices);
        if (exact.isPresent()) {
            return exact;
        }
        Mentions mentions = scan(typed, choices);
        if (mentions.negated()) {
            // "bukan korban, saksi", "bukan dosen tapi orang asing": the others denied, one named: that one
            return mentions.ids().size() == 1 ? Optional.of(mentions.ids().get(0)) : Optional.empty();
        }
        Set<String> meanings = new LinkedHashSet<>(mentions.ids());
        String rest = String.join(" ", mentions.rest());
        if (options.stream().anyMatch(option -> option.number() != null)) {
            Matcher numbers = NUMBER.matcher(rest);
            while (numbers.find()) {
                meanings.addAll(inRange(options, Long.parseLong(numbers.group()), OptionDefinition::number));
            }
        }
        if (options.stream().anyMatch(option -> option.daysAgo() != null)) {
            TimeAgo.days(rest, today).forEach(days -> meanings.addAll(inRange(options, days, OptionDefinition::daysAgo)));
        }
        return meanings.size() == 1 ? Optional.of(meanings.iterator().next()) : Optional.empty();
    }

    /**
     * Whether the options read numbers or times ago ({@code number}, {@code days_ago}: an age, when it happened). There a
     * bare number is a real answer, never a button's position: "3" at "Berapa umurmu?" is 3 years (under 18), not the
     * third button; "3" at "Kapan terakhir kali terjadi?" may mean 3 days and, having no unit, is unclear and asked again
     * with the flow's example. Telegram shows no numbers on its buttons, and neither does a WhatsApp list until it is
     * opened, so a person who types a number there means the number.
     */
    static boolean readsValues(List<OptionDefinition> options) {
        return options.stream().anyMatch(option -> option.number() != null || option.daysAgo() != null);
    }

    /**
     * The options whose typed words or label appear, as whole words, in a longer message ("saya mahasiswi teknik"). A
     * longer match wins over one inside it ("belum aman" over "aman"). Options named only under a negation ("tidak
     * butuh bantuan hukum", {@link NegationScope}) are in {@link Mentions#negatedIds()}, not in {@link Mentions#ids()}.
     */
    static Mentions mentions(String typed, List<ChoiceSpec> choices) {
        return scan(typed, choices);
    }

    /**
     * Options mentioned in a message: wanted ({@code ids}) and named under a negation ({@code negatedIds}), each in the
     * order named, an option named twice counting as its last mention; and the words that are no option's.
     */
    record Mentions(List<String> ids, List<String> negatedIds, List<String> rest) {

        boolean negated() {
            return !negatedIds.isEmpty();
        }
    }

    /** {@link #mentions} of phrases filed once ({@link PhraseIndex}): the flow's danger words, read at every reply. */
    static Mentions mentions(String typed, PhraseIndex phrases) {
        return scan(typed, phrases);
    }

    private static Mentions scan(String typed, List<ChoiceSpec> choices) {
        return scan(typed, PhraseIndex.of(choices));
    }

    private static Mentions scan(String typed, PhraseIndex phrases) {
        String text = spelledOut(normalize(typed));
        List<String> tokens = new ArrayList<>();
        BitSet breakBefore = new BitSet();
        Matcher words = TOKEN.matcher(text);
        int end = 0;
        while (words.find()) {
            breakBefore.set(tokens.size(), CLAUSE_BREAK.matcher(text.substring(end, words.start())).find());
            tokens.add(words.group());
            end = words.end();
        }
        // A phrase is looked for only where its first word is typed (a repeat "diraba2" also says its plain word
        // "diraba"); the matches are then put in the phrases' own order, as a pass over the choices would find them.
        List<int[]> found = new ArrayList<>(); // the phrase's order, start, end, place in foundIds
        List<String> foundIds = new ArrayList<>();
        List<int[]> harmless = new ArrayList<>(0); // start, end of each harmless phrase found within one clause
        for (int start = 0; start < tokens.size(); start++) {
            String plain = Reduplication.plain(tokens.get(start));
            for (String first : plain == null ? List.of(tokens.get(start)) : List.of(tokens.get(start), plain)) {
                for (PhraseIndex.Phrase phrase : phrases.beginningWith(first)) {
                    int stop = start + phrase.words().size();
                    if (stop <= tokens.size() && Reduplication.sameWords(tokens.subList(start, stop), phrase.words())
                            && (!phrase.atEnd() || endsClause(tokens, breakBefore, stop))) {
                        if (phrase.harmless()) {
                            if (withinOneClause(breakBefore, start, stop)) {
                                harmless.add(new int[] {start, stop});
                            }
                            continue;
                        }
                        found.add(new int[] {phrase.order(), start, stop, foundIds.size()});
                        foundIds.add(phrase.id());
                    }
                }
            }
        }
        // "aku dikejar" in "aku dikejar deadline", "gw bunuh lo" in "nyamuknya udah gw bunuh lo": not counted
        found.removeIf(match -> harmless.stream().anyMatch(span -> span[0] < match[2] && match[1] < span[1]));
        found.sort(Comparator.<int[]>comparingInt(match -> match[0]).thenComparingInt(match -> match[1]));
        List<int[]> spans = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int[] match : found) {
            spans.add(new int[] {match[1], match[2]});
            ids.add(foundIds.get(match[3]));
        }
        boolean[] covered = new boolean[tokens.size()];
        List<Integer> outer = new ArrayList<>();
        for (int i = 0; i < spans.size(); i++) {
            int[] span = spans.get(i);
            Arrays.fill(covered, span[0], span[1], true);
            boolean inside = spans.stream().anyMatch(other -> other[0] <= span[0] && other[1] >= span[1]
                    && other[1] - other[0] > span[1] - span[0]);
            if (!inside) {
                outer.add(i);
            }
        }
        outer.sort(Comparator.comparingInt(i -> spans.get(i)[0]));
        boolean[] negated = NegationScope.negated(tokens, breakBefore, outer.stream().map(spans::get).toList());
        Map<String, Boolean> named = new LinkedHashMap<>();
        for (int i = 0; i < outer.size(); i++) {
            named.remove(ids.get(outer.get(i)));
            named.put(ids.get(outer.get(i)), negated[i]);
        }
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (!covered[i]) {
                rest.add(tokens.get(i));
            }
        }
        return new Mentions(named.keySet().stream().filter(id -> !named.get(id)).toList(),
                named.keySet().stream().filter(named::get).toList(), rest);
    }

    /**
     * The option whose label, in some language, begins with everything typed ("saya" for "Saya sendiri", "ya" for "Ya,
     * aman", "online" for "Online / media sosial"), when exactly one label does. A person who types little often types
     * a label's first word. Not for an answer of negation words only ("tidak" is not "Tidak kenal"), nor one with a
     * number (numbers are read by position and ranges: a bare "3" is not "3 hari terakhir"), nor for buttons the engine
     * adds (skip, done).
     */
    static Optional<String> leadingLabelWords(String typed, List<ChoiceSpec> choices) {
        List<String> wanted = tokens(typed);
        if (wanted.isEmpty() || wanted.stream().allMatch(NegationScope::isNegation)
                || wanted.stream().anyMatch(token -> token.chars().allMatch(Character::isDigit))) {
            return Optional.empty();
        }
        Set<String> found = new LinkedHashSet<>();
        for (ChoiceSpec choice : choices) {
            if (choice.option() != null && choice.label().values().values().stream().map(ChoiceMatcher::listedTokens)
                    .anyMatch(label -> label.size() >= wanted.size() && label.subList(0, wanted.size()).equals(wanted))) {
                found.add(choice.id());
            }
        }
        return found.size() == 1 ? Optional.of(found.iterator().next()) : Optional.empty();
    }

    /** Whether the typed text is the choice's label in some language, so the person needs no echo of what was taken. */
    static boolean isLabel(String typed, ChoiceSpec choice) {
        String text = normalize(typed);
        return choice.label().values().values().stream().anyMatch(label -> listed(label).equals(text));
    }

    private static List<String> inRange(List<OptionDefinition> options, long value,
            Function<OptionDefinition, NumberRange> range) {
        return options.stream().filter(option -> range.apply(option) != null && range.apply(option).contains(value))
                .map(OptionDefinition::id).toList();
    }

    /**
     * The flows' own words, labels and ids worked out once ({@link #normalize}, {@link #tokens}, their
     * {@link Reduplication#forms}), never what a person typed: every typed reply is compared with every word of every
     * option, and working each out again at every reply was a visible share of the processing CPU (issue 16, nineteenth
     * round). Bounded: past {@value #LISTED_LIMIT} entries (only generated labels could get there) nothing more is kept.
     */
    private static final int LISTED_LIMIT = 20_000;
    private static final Map<String, String> LISTED = new ConcurrentHashMap<>();
    private static final Map<String, List<String>> LISTED_TOKENS = new ConcurrentHashMap<>();
    private static final Map<String, List<List<String>>> LISTED_FORMS = new ConcurrentHashMap<>();

    /** {@link #normalize} of a word, label or id of the flows (not of typed text), kept once worked out. */
    static String listed(String word) {
        return kept(LISTED, word, ChoiceMatcher::normalize);
    }

    private static List<String> listedTokens(String phrase) {
        return kept(LISTED_TOKENS, phrase, ChoiceMatcher::tokens);
    }

    /** The phrase's words in {@link Reduplication#forms}; a phrase marked {@value #CLAUSE_END} without the mark. */
    static List<List<String>> listedForms(String phrase) {
        return kept(LISTED_FORMS, phrase, ChoiceMatcher::forms);
    }

    /**
     * {@link #listedForms}, worked out each time: for phrases filed once per flow ({@link PhraseIndex}'s harmless
     * phrases, thousands once their alternatives are written out), which would only crowd the bounded cache.
     */
    static List<List<String>> forms(String phrase) {
        return List.copyOf(Reduplication.forms(tokens(clauseEndOnly(phrase) ? phrase.substring(0, phrase.length() - CLAUSE_END.length()) : phrase)));
    }

    private static <T> T kept(Map<String, T> cache, String key, Function<String, T> work) {
        T known = cache.get(key);
        if (known != null) {
            return known;
        }
        T value = work.apply(key);
        if (cache.size() < LISTED_LIMIT) {
            cache.put(key, value);
        }
        return value;
    }

    private static List<String> tokens(String text) {
        return Arrays.stream(NON_WORD.split(spelledOut(normalize(text))))
                .filter(token -> !token.isEmpty()).toList();
    }

    /**
     * The mark of a typed word that picks its option only as the whole answer ({@code "=aku"} at "Kejadian ini dialami
     * siapa?": "aku", "Aku.", never "teman aku"). Compared after {@link #normalize}, which drops the mark, and without
     * the address words and particles around a short answer on either side ({@link WholeAnswer#core}: "aku kak", "gue
     * sendiri sih", "aku aja" are whole answers; "teman aku kak" is not).
     */
    static final String WHOLE_ANSWER = "=";

    /**
     * The mark at the end of a flow's typed phrase that counts it only where it ends a clause ({@code "dia di sini$"}):
     * at the end of the message, before punctuation that ends a clause, or before a word that opens the next
     * one (dan, tapi, terus, jadi, and, but, so), with address words and particles ({@link WholeAnswer#AROUND}) between.
     * "ga aman, dia di sini", "dia di sini kak." and "dia di sini dan aku takut" say it; "dia di sini juga kuliah", where
     * the clause goes on, does not.
     */
    static final String CLAUSE_END = "$";

    /** Whether a flow's typed phrase is marked {@value #CLAUSE_END}: counted only where it ends a clause. */
    static boolean clauseEndOnly(String word) {
        return word.endsWith(CLAUSE_END);
    }

    /**
     * Words that open the next clause, so a phrase just before one ends its own ({@link #CLAUSE_END}); among them a plea
     * that follows what was said ("dia di sini kak tolong", "dia ada di sini tolong aku", "he's here please help").
     */
    private static final Set<String> NEXT_CLAUSE = Set.of("dan", "tapi", "tp", "terus", "trus", "jadi", "jd", "and", "but", "so",
            "tolong", "tolongin", "tlg", "help", "please", "pls", "plis", "plz");

    /**
     * Places a person names as their own with a suffix: "kamarku" (my room), "kosmu" (your kos). Written out as the
     * place and the word ("kamar aku", "kos kamu"), so a flow's "di kamar" and "di kamar aku" read them too.
     */
    private static final Pattern OWN_PLACE = Pattern.compile(
            "(?<![\\p{L}\\p{N}])(kamar|kos|kosan|kost|rumah|pintu|kontrakan|asrama|apartemen)(ku|mu)(?![\\p{L}\\p{N}])");

    /**
     * The words of a normalised text as they are compared: contractions spelled out ({@link NegationScope#expandContractions}:
     * "he's", "hes" and "he is"), and a place owned with a suffix as the place and its owner ("kamarku" as "kamar aku").
     */
    private static String spelledOut(String normalized) {
        return OWN_PLACE.matcher(NegationScope.expandContractions(normalized))
                .replaceAll(match -> match.group(1) + ("ku".equals(match.group(2)) ? " aku" : " kamu"));
    }

    /**
     * Whether no comma, full stop or the like stands between the tokens {@code [start, stop)}: a harmless phrase is read
     * within one clause only, so "dia lagi di luar. kota ini sepi" is no "di luar kota".
     */
    private static boolean withinOneClause(BitSet breakBefore, int start, int stop) {
        int next = breakBefore.nextSetBit(start + 1);
        return next < 0 || next >= stop;
    }

    /** Whether the clause ends at token {@code at}, after any address words and particles ({@link #CLAUSE_END}). */
    private static boolean endsClause(List<String> tokens, BitSet breakBefore, int at) {
        int next = at;
        while (next < tokens.size() && !breakBefore.get(next) && WholeAnswer.AROUND.contains(tokens.get(next))) {
            next++;
        }
        return next == tokens.size() || breakBefore.get(next) || NEXT_CLAUSE.contains(tokens.get(next));
    }

    /** Whether a flow's typed word is marked {@value #WHOLE_ANSWER}: read only as the whole answer ({@link #match}). */
    static boolean wholeAnswerOnly(String word) {
        return word.startsWith(WHOLE_ANSWER);
    }

    static Optional<String> match(String typed, List<ChoiceSpec> choices) {
        String text = normalize(typed);
        if (SHOWN_NUMBER.matcher(text).matches()) {
            int index = Integer.parseInt(text) - 1;
            return index >= 0 && index < choices.size() ? Optional.of(choices.get(index).id()) : Optional.empty();
        }
        String core = null; // the typed answer without address words and particles, worked out only when needed
        for (ChoiceSpec choice : choices) {
            if (choice.id().equals(text) || listed(choice.id()).equals(text)
                    || choice.label().values().values().stream().anyMatch(label -> listed(label).equals(text))
                    || choice.words().stream().anyMatch(word -> listed(word).equals(text))) {
                return Optional.of(choice.id());
            }
            if (choice.words().stream().anyMatch(ChoiceMatcher::wholeAnswerOnly)) {
                core = core == null ? WholeAnswer.core(text) : core;
                String typedCore = core;
                if (!typedCore.isEmpty() && choice.words().stream().filter(ChoiceMatcher::wholeAnswerOnly)
                        .anyMatch(word -> kept(WHOLE_CORES, word, ChoiceMatcher::wholeForms).contains(typedCore))) {
                    return Optional.of(choice.id()); // "gue sendiri kak", "aku aja", "saya sendiri mbak": "=gue sendiri", "=aku"
                }
                if (typedCore.isEmpty() && particlesOnly(text, choice)) {
                    return Optional.of(choice.id()); // "ya", "ya kak", "yaa dong": "=ya"
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Whether a reply of address words and particles only ({@code typed}: "ya", "ya kak", "yaa dong") holds the words of
     * one of the choice's whole-answer words made of those only ("=ya"): chat's "ya" answers alone, never inside a
     * sentence ("ya, aku di jalan"), where it is a particle.
     */
    private static boolean particlesOnly(String typed, ChoiceSpec choice) {
        List<String> said = WholeAnswer.words(typed);
        return choice.words().stream().filter(ChoiceMatcher::wholeAnswerOnly).filter(word -> WholeAnswer.core(word).isEmpty())
                .map(WholeAnswer::words).anyMatch(words -> !words.isEmpty() && said.containsAll(words));
    }

    /** {@link #wholeForms} of the flows' whole-answer words, kept once worked out. */
    private static final Map<String, List<String>> WHOLE_CORES = new ConcurrentHashMap<>();

    /**
     * A whole-answer word's {@link WholeAnswer#core}, and the same with a repeat in its chat spelling ("=aman aman" is
     * also "aman2", so "aman2 aja" is the whole answer, {@link Reduplication#forms}).
     */
    private static List<String> wholeForms(String word) {
        String core = WholeAnswer.core(word);
        return Reduplication.forms(List.of(core.split(" "))).stream().map(words -> String.join(" ", words)).toList();
    }

    /** Several choices in one message: "1, 3 dan 5", "legal; medical". Empty unless every part matches. */
    static Optional<List<String>> matchAll(String typed, List<ChoiceSpec> choices) {
        Optional<String> single = match(typed, choices);
        if (single.isPresent()) {
            return Optional.of(List.of(single.get()));
        }
        return eachPart(normalize(typed), part -> match(part, choices));
    }

    /**
     * The choices of a list's parts ("1, 3", "2 dan 5", "Perkosaan; Kekerasan fisik"), each read by {@code one}, once
     * each in the order typed; empty when a part is none.
     */
    private static Optional<List<String>> eachPart(String text, Function<String, Optional<String>> one) {
        String[] parts = NUMBERS_ONLY.matcher(text).matches() ? NUMBER_SEPARATOR.split(text) : LIST_SEPARATOR.split(text);
        List<String> ids = new ArrayList<>();
        for (String part : parts) {
            if (part.isBlank()) {
                continue;
            }
            Optional<String> id = one.apply(part);
            if (id.isEmpty()) {
                return Optional.empty();
            }
            if (!ids.contains(id.get())) {
                ids.add(id.get());
            }
        }
        return ids.isEmpty() ? Optional.empty() : Optional.of(ids);
    }

    /**
     * The options a typed reply only points at, as a tap would: the whole reply an option's label or id ("Ya, aman"), or
     * each part of it ("8", "1, 3", "2 dan 5", "Ya") an option's number in a numbered list the person was shown
     * ({@code numbersShown}, asked only for a reply of numbers: buttons show none, so a "2" typed under them is a guess
     * at their order, and is kept as the trace of it; and never where the options read values, {@link #readsValues}:
     * there "15" is an age), its id or its label in some language, and nothing else. Such a reply says no more than the
     * options chosen, so the answer keeps no {@code raw} for it: the inbox and the prints showed "Kata-kata pelapor: “8”"
     * under the option a WhatsApp list's number picked (session 57's noticed list). Words of the person's own ("tadi
     * malam", "dipukul", "iya kak") are not picks and stay beside the answer. Empty when any part is no pick.
     */
    static Optional<List<String>> picks(String typed, List<ChoiceSpec> choices, BooleanSupplier numbersShown) {
        String text = normalize(typed);
        if (NUMBERS_ONLY.matcher(text).matches()) {
            List<OptionDefinition> options = choices.stream().map(ChoiceSpec::option).filter(option -> option != null).toList();
            return readsValues(options) || !numbersShown.getAsBoolean() ? Optional.empty() : eachPart(text, part -> shownOrNamed(part, choices));
        }
        Optional<String> whole = shownOrNamed(text, choices);
        return whole.isPresent() ? Optional.of(List.of(whole.get())) : eachPart(text, part -> shownOrNamed(part, choices));
    }

    /** The choice {@code part} (normalised) is the shown number, the id or a label of; never its typed words. */
    private static Optional<String> shownOrNamed(String part, List<ChoiceSpec> choices) {
        if (SHOWN_NUMBER.matcher(part).matches()) {
            int index = Integer.parseInt(part) - 1;
            return index >= 0 && index < choices.size() ? Optional.of(choices.get(index).id()) : Optional.empty();
        }
        return choices.stream().filter(choice -> choice.id().equals(part) || listed(choice.id()).equals(part)
                || choice.label().values().values().stream().anyMatch(label -> listed(label).equals(part)))
                .map(ChoiceSpec::id).findFirst();
    }

    /**
     * A yes/no answer in a few words: "iya, setuju 🙏", "ya kak", "nggak mau". The first word decides; a later word
     * meaning the opposite makes it unclear ("iya tidak"), except after a no ("tidak setuju" is a no).
     */
    static Optional<String> matchPhrase(String typed, List<ChoiceSpec> choices) {
        Optional<String> whole = match(typed, choices);
        if (whole.isPresent()) {
            return whole;
        }
        String[] words = NON_WORD.split(normalize(typed));
        if (words.length < 2) {
            return Optional.empty();
        }
        Optional<ChoiceSpec> first = byWord(words[0], choices);
        if (first.isEmpty()) {
            return Optional.empty();
        }
        if (!first.get().id().equals(ChoiceIds.NO)) {
            for (int i = 1; i < words.length; i++) {
                Optional<ChoiceSpec> other = byWord(words[i], choices);
                if (other.isPresent() && !other.get().id().equals(first.get().id())) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(first.get().id());
    }

    private static Optional<ChoiceSpec> byWord(String word, List<ChoiceSpec> choices) {
        return choices.stream().filter(choice -> choice.words().stream().anyMatch(w -> listed(w).equals(word))).findFirst();
    }

    /**
     * {@link AnswerText#normalize}, the dashes phone keyboards type ("-" where labels use "–" or "—"), and their
     * apostrophe ("’" as "'": "don’t").
     */
    /** Whether the typed text is only numbers ("2", "1, 3"): buttons named by their place, where that is read. */
    static boolean bareNumbers(String typed) {
        return NUMBER_LIST.matcher(normalize(typed)).matches();
    }

    static String normalize(String text) {
        return DASH.matcher(AnswerText.normalize(text.replace("✓", "").replace('\u2019', '\''))).replaceAll("-");
    }

    /** A dash phone keyboards type and the spaces around it; compiled once, as every step normalizes every choice. */
    private static final Pattern DASH = Pattern.compile("\\s*[\u2010-\u2015\u2212-]\\s*");
}
