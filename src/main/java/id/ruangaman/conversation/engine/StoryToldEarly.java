package id.ruangaman.conversation.engine;

import id.ruangaman.conversation.Answer;
import id.ruangaman.conversation.AnswerWords;
import id.ruangaman.conversation.Draft;
import id.ruangaman.conversation.Flow;
import id.ruangaman.conversation.Output;
import id.ruangaman.conversation.definition.Limits;
import id.ruangaman.conversation.definition.NodeDefinition;
import id.ruangaman.conversation.definition.NodeKind;
import id.ruangaman.conversation.definition.ToldEarly;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The story a person starts telling at an earlier question ({@link ToldEarly}, {@code told_early} of the story
 * question): a telling that answers nothing there is kept as the beginning of the story's answer, never filed beside the
 * question it was typed at, and never asked for again as if it had not been told. A long reply that does answer ("iya
 * kak, aku masih 16 tahun waktu itu …", "lewati aja ya kak, aku belum siap …") is read as before. The first telling at
 * a question gets {@code kept} with the question again; each further one there {@code kept_more} with the buttons only
 * (routine: a burst of lines gets one). A telling is no failed attempt, so a story told line by line does not skip the
 * question (before, at "Apa yang terjadi?" the third line skipped it and the fourth was read at the next). Not at a
 * safety question ({@code on_unclear}: "in danger now?", "is this phone safe?"), where an unclear reply is read for
 * safety and the safe side is taken as before. The story question then opens with the kept lines in its draft and
 * {@code carried} before it.
 */
final class StoryToldEarly {

    /** The kinds whose replies may be a telling: choices and dates. Free text keeps what is typed anyway. */
    private static final Set<NodeKind> ASKS_SHORT = java.util.EnumSet.of(NodeKind.SINGLE_CHOICE, NodeKind.MULTI_CHOICE,
            NodeKind.YES_NO, NodeKind.DATE);

    /**
     * Where a flow keeps the story told early: its story question, and the questions a telling is kept at (after the
     * consent, which is not one of them however its help leads back to it; on some way to the story question; of a kind in
     * {@link #ASKS_SHORT}, with a key; not a safety question, one with {@code on_unclear}), and its {@code asks_back}
     * phrases as {@link #said} reads them. Worked out once per flow.
     */
    private record Where(NodeDefinition story, Set<String> before, List<String> asksBack) {
    }

    /**
     * Words a line has at least to go on a telling begun at the same question ({@link Draft#toldHere()}): in a story
     * told line by line, "aku takut hamil kak" is its next line, not a failed answer (before, it skipped the question and
     * the line after it was read at the next one). A lone "zzz" or "ok" is still asked again.
     */
    private static final int TOLD_ON_WORDS = 3;
    /** What stands between words: anything but a letter, a digit, an apostrophe or a hyphen. */
    private static final java.util.regex.Pattern BETWEEN_WORDS = java.util.regex.Pattern.compile("[^\\p{L}\\p{N}'-]+");

    /** The skip, don't-know and not-sure phrases ({@link Words}) as {@link #said} reads them: tokenized once, not per reply. */
    private static final List<String> DECLINING = java.util.stream.Stream.of(Words.SKIP, Words.DONT_KNOW, Words.NOT_SURE)
            .flatMap(List::stream).map(StoryToldEarly::said).toList();

    private StoryToldEarly() {
    }

    /** The flow's story question ({@code told_early}), if it has one (the linter allows one). */
    static Optional<NodeDefinition> question(Flow flow) {
        return Optional.ofNullable(where(flow).story());
    }

    /**
     * Whether {@code reply} at {@code node}, which answered nothing there, is the story told early: the person's own typed
     * words (not forwarded) that read as a telling ({@link #telling}; fewer words go on a telling begun there,
     * {@link #TOLD_ON_WORDS}), at one of the questions before the story
     * ({@link Where}), while no answer is being changed from the summary (a line typed there belongs to that answer).
     */
    static boolean tells(Turn turn, NodeDefinition node, Reply reply) {
        if (!(reply instanceof Reply.Typed typed) || typed.forwarded() || turn.state().returnToSummary() != null) {
            return false;
        }
        Where where = where(turn.flow());
        int words = turn.state().draft().toldHere() ? TOLD_ON_WORDS : Limits.STORY_TOLD_EARLY_WORDS;
        return where.story() != null && where.before().contains(node.id()) && telling(typed.text(), words, where.asksBack())
                && !declines(typed.text(), turn.context().settings().words());
    }

    /**
     * Whether typed words put the answer off or decline it ("lewati aja ya kak, aku belum siap cerita soal tempatnya",
     * "aku nggak tau kak, udah nggak ingat apa-apa lagi"): a clause that puts it off ({@link LaterWords#putOff}), or a skip,
     * don't-know or not-sure phrase anywhere. Such a reply is no telling, and is read as before (the re-prompt, then the
     * skip where the question may be skipped).
     */
    private static boolean declines(String text, AnswerWords words) {
        if (LaterWords.putOff(text, words)) {
            return true;
        }
        String said = said(text);
        return DECLINING.stream().anyMatch(said::contains);
    }

    /**
     * Adds the telling to the story's answer, after any lines kept before: an answer of the story skipped or not given
     * yet starts with it.
     */
    static void keep(Turn turn, Reply.Typed typed) {
        NodeDefinition story = where(turn.flow()).story();
        Answer before = turn.state().answers().get(story.key());
        boolean fresh = before == null || before.skipped();
        List<String> parts = new ArrayList<>(fresh ? List.of() : before.parts());
        parts.addAll(MultiTextHandler.parts(story, typed));
        Answer kept = Answer.texts(parts, fresh ? List.of() : before.forwarded());
        turn.update(state -> state.withAnswer(story.key(), kept));
        turn.emit(new Output.AnswerRecorded(story.key(), kept));
    }

    /**
     * The answer to a telling at the current question: the first there, {@code kept} and the question again in one
     * message, the draft marked ({@link Draft#toldHere()}) so the next is known; a further one, {@code kept_more} with the
     * question's buttons, routine. No failed attempt is counted either way.
     */
    static void answer(Turn turn) {
        ToldEarly told = where(turn.flow()).story().toldEarly();
        Output.Message question = Prompter.question(turn);
        if (!turn.state().draft().toldHere()) {
            turn.update(state -> state.withDraft(state.draft().withToldHere()));
            turn.emit(question.withText(turn.text(told.kept()) + "\n\n" + question.text()));
            return;
        }
        turn.emit(Output.Message.routine(turn.text(told.keptMore()), question.nodeId(), question.choices()));
    }

    /**
     * Entering the story question with words kept before it ({@link #keep}) and nothing collected yet: those words
     * become its draft, so more lines add to them and Done keeps them; returns the {@code carried} line to say before
     * the question. Else empty.
     */
    static Optional<String> opening(Turn turn, NodeDefinition node) {
        if (node.toldEarly() == null || node.key() == null || !turn.state().draft().isEmpty()) {
            return Optional.empty();
        }
        Answer kept = turn.state().answers().get(node.key());
        if (kept == null || kept.skipped() || kept.parts().isEmpty()) {
            return Optional.empty();
        }
        turn.update(state -> state.withDraft(Draft.collecting(kept)));
        return Optional.of(turn.text(node.toldEarly().carried()));
    }

    /**
     * Whether typed words read as a telling: {@code fewestWords} words or more, no "?" anywhere, and
     * none of {@code asksBack} (the flow's {@code asks_back} as {@link #said} reads them: "bingung", "maksudnya", "wajib":
     * a question about the question, or a worry, is answered as before).
     */
    private static boolean telling(String text, int fewestWords, List<String> asksBack) {
        if (text.indexOf('?') >= 0 || text.indexOf('\uFF1F') >= 0 || tokens(text).size() < fewestWords) {
            return false;
        }
        String words = said(text);
        return asksBack.stream().noneMatch(words::contains);
    }

    /** {@code text} as its {@link #tokens}, each with a space before and after: " aku bingung kak ". */
    private static String said(String text) {
        return " " + String.join(" ", tokens(text)) + " ";
    }

    /**
     * The words of {@code text}, lower case, without marks around them ("kak," as "kak"); words with a letter or digit.
     * Letters are not squeezed as answers are ({@code AnswerText#normalize} reads "yaaa" as "ya"): "pass" stays "pass",
     * and is no "pas" ("when") of a story.
     */
    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        String plain = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC).replace('\u2019', '\'');
        for (String word : BETWEEN_WORDS.split(plain.toLowerCase(Locale.ROOT))) {
            if (word.codePoints().anyMatch(Character::isLetterOrDigit)) {
                tokens.add(word);
            }
        }
        return tokens;
    }

    private static Where where(Flow flow) {
        return flow.derived(Where.class, StoryToldEarly::findWhere);
    }

    private static Where findWhere(Flow flow) {
        NodeDefinition story = flow.nodes().stream().filter(node -> node.toldEarly() != null && node.key() != null).findFirst()
                .orElse(null);
        if (story == null) {
            return new Where(null, Set.of(), List.of());
        }
        String consent = flow.definition().discretion() == null ? null : flow.definition().discretion().consentNode();
        Set<String> afterConsent = consent == null || flow.findNode(consent).isEmpty() ? reachable(flow, List.of(flow.start()))
                : reachable(flow, targets(flow.node(consent)));
        Set<String> before = new HashSet<>();
        for (NodeDefinition node : flow.nodes()) {
            if (node.id() != null && !node.id().equals(story.id()) && !node.id().equals(consent) && node.key() != null
                    && node.onUnclear() == null && ASKS_SHORT.contains(node.kind())
                    && afterConsent.contains(node.id()) && reachable(flow, targets(node)).contains(story.id())) {
                before.add(node.id());
            }
        }
        List<String> asksBack = story.toldEarly().allAsksBack().stream().filter(phrase -> !tokens(phrase).isEmpty())
                .map(StoryToldEarly::said).toList();
        return new Where(story, Set.copyOf(before), asksBack);
    }

    /** The nodes a node may lead to: its exits, {@code next}, {@code on_invalid}, {@code on_unclear.next}. */
    private static List<String> targets(NodeDefinition node) {
        List<String> targets = new ArrayList<>(node.exits().values());
        targets.add(node.next());
        targets.add(node.onInvalid());
        if (node.onUnclear() != null) {
            targets.add(node.onUnclear().next());
        }
        return targets.stream().filter(java.util.Objects::nonNull).toList();
    }

    /** The nodes reached from {@code from}, those included, following {@link #targets}. */
    private static Set<String> reachable(Flow flow, List<String> from) {
        Set<String> seen = new HashSet<>();
        Deque<String> next = new ArrayDeque<>(from);
        while (!next.isEmpty()) {
            String id = next.pop();
            if (seen.add(id)) {
                flow.findNode(id).ifPresent(node -> next.addAll(targets(node)));
            }
        }
        return seen;
    }
}
