package id.ruangaman.conversation.lint;

import id.ruangaman.conversation.definition.ChoiceIds;
import id.ruangaman.conversation.definition.FlowDefinition;
import id.ruangaman.conversation.definition.KindRules;
import id.ruangaman.conversation.definition.Limits;
import id.ruangaman.conversation.definition.NodeDefinition;
import id.ruangaman.conversation.definition.NodeKind;
import id.ruangaman.conversation.definition.OptionDefinition;
import id.ruangaman.conversation.definition.UnclearAnswer;

/** Fields each kind needs, and fields that do not apply to a kind. */
public final class NodeFieldsRule implements LintRule {

    @Override
    public void check(FlowDefinition flow, LintContext context) {
        long toldEarly = flow.nodes().stream().filter(node -> node.toldEarly() != null).count();
        if (toldEarly > 1) {
            context.fileProblem("told_early is on " + toldEarly + " questions; a flow has one story question");
        }
        for (NodeDefinition node : flow.nodes()) {
            if (node.id() == null) {
                continue;
            }
            if (node.kind() == null) {
                context.problem(node, "missing field 'kind'");
                continue;
            }
            checkText(node, context);
            checkKindSpecific(flow, node, context);
            if (node.step() != null && flow.steps() != null && (node.step() < 1 || node.step() > flow.steps())) {
                context.problem(node, "step " + node.step() + " is outside 1.." + flow.steps());
            }
            if (node.validation() != null && node.validation().maxLength() != null && node.validation().maxLength() < 1) {
                context.problem(node, "max_length must be at least 1");
            }
        }
    }

    private static void checkText(NodeDefinition node, LintContext context) {
        if (node.text() == null && context.rules(node).text() == KindRules.Text.REQUIRED) {
            context.problem(node, "missing field 'text'");
        }
        if (node.textBy() != null) {
            var source = node.textBy().answer() == null ? null : context.nodeForKey(node.textBy().answer()).orElse(null);
            if (source == null) {
                context.problem(node, "text_by refers to unknown answer '" + node.textBy().answer() + "'");
                return;
            }
            for (String variant : node.textBy().variants().keySet()) {
                boolean known = source.options().stream().anyMatch(option -> option.id().equals(variant))
                        || (source.kind() != null && context.rules(source).values().contains(variant));
                if (!known) {
                    context.problem(node, "text_by variant '" + variant + "' is not an option of '" + source.id() + "'");
                }
            }
        }
    }

    private static void checkKindSpecific(FlowDefinition flow, NodeDefinition node, LintContext context) {
        KindRules rules = context.rules(node);
        if (rules.options() && node.options().isEmpty()) {
            context.problem(node, "missing field 'options'");
        }
        notApplicable(node, context, "options", !rules.options() && !node.options().isEmpty());
        notApplicable(node, context, "accept", !rules.takesFiles() && !node.accept().isEmpty());
        notApplicable(node, context, "shared", !java.util.EnumSet.of(NodeKind.TEXT, NodeKind.MULTI_TEXT, NodeKind.MEDIA)
                .contains(node.kind()) && !node.shared().isEmpty());
        notApplicable(node, context, "outcome", !rules.ends() && node.outcome() != null);
        notApplicable(node, context, "media_refused", (!rules.question() || rules.takesFiles()) && node.mediaRefused() != null);
        notApplicable(node, context, "text", rules.text() == KindRules.Text.NONE && node.text() != null);
        notApplicable(node, context, "discreet_text", rules.text() == KindRules.Text.NONE && node.discreetText() != null);
        notApplicable(node, context, "sets_language", !rules.languageChoice() && node.setsLanguage() != null);
        notApplicable(node, context, "skippable", !rules.recordsAnswer() && node.skippable() != null);
        notApplicable(node, context, "secret", node.kind() != NodeKind.TEXT && node.secret() != null);
        notApplicable(node, context, "no_means_skip", node.kind() != NodeKind.TEXT && node.noMeansSkip() != null);
        notApplicable(node, context, "age_below", node.kind() != NodeKind.YES_NO && node.ageBelow() != null);
        notApplicable(node, context, "on_later", node.kind() != NodeKind.YES_NO && node.onLater() != null);
        if (node.onLaterAgain() != null && node.onLater() == null) {
            context.problem(node, "on_later_again needs on_later");
        }
        notApplicable(node, context, "told_early", node.kind() != NodeKind.MULTI_TEXT && node.toldEarly() != null);
        if (node.toldEarly() != null && node.key() == null) {
            context.problem(node, "told_early needs a key: the story told early is kept as this question's answer");
        }
        if (node.toldEarly() != null && (node.toldEarly().kept() == null || node.toldEarly().keptMore() == null
                || node.toldEarly().carried() == null)) {
            context.problem(node, "told_early needs 'kept', 'kept_more' and 'carried'");
        }
        if (node.toldEarly() != null) {
            node.toldEarly().asksBack().keySet().stream().filter(language -> !flow.languages().contains(language)).sorted()
                    .forEach(language -> context.problem(node, "unknown language '" + language + "' in 'told_early.asks_back'"));
        }
        if (node.kind() == NodeKind.YES_NO && node.ageBelow() != null && (node.ageBelow() < 2 || node.ageBelow() > 120)) {
            context.problem(node, "age_below must be an age in years from 2 to 120");
        }
        if (node.kind() == NodeKind.TEXT && node.isNoMeansSkip() && !node.isSkippable()) {
            context.problem(node, "no_means_skip needs skippable: true");
        }
        checkUnclear(flow, node, rules, context);
        checkBroad(node, context);
        checkAnswerWords(flow, node, context);
        if (rules.takesFiles() && node.accept().isEmpty()) {
            context.problem(node, "missing field 'accept'");
        }
        if (node.outcome() != null && !Limits.OUTCOMES.contains(node.outcome())) {
            context.problem(node, "unknown outcome '" + node.outcome() + "'");
        }
        node.events().forEach((exit, event) -> {
            if (!Limits.EVENTS.contains(event)) {
                context.problem(node, "unknown event '" + event + "'");
            }
        });
        if (node.isLanguageChoice()) {
            for (OptionDefinition option : node.options()) {
                if (!flow.languages().contains(option.id())) {
                    context.problem(node, "option '" + option.id() + "' is not one of the flow languages");
                }
            }
        }
    }

    /** {@code on_unclear}: a question with one exit per answer, an answer it has, and a text saying so. */
    private static void checkUnclear(FlowDefinition flow, NodeDefinition node, KindRules rules, LintContext context) {
        UnclearAnswer unclear = node.onUnclear();
        if (unclear == null) {
            return;
        }
        notApplicable(node, context, "on_unclear", !rules.exitPerAnswer());
        boolean known = node.options().stream().anyMatch(option -> option.id().equals(unclear.answer()))
                || rules.values().contains(unclear.answer());
        if (rules.exitPerAnswer() && !known) {
            context.problem(node, "on_unclear answer '" + unclear.answer() + "' is not an option of this node");
        }
        if (unclear.text() == null) {
            context.problem(node, "missing field 'on_unclear.text'");
        }
        unclosedGroups(node, "on_unclear.words_anywhere", unclear.allWordsAnywhere(), context);
        unclosedGroups(node, "on_unclear.harmless", unclear.allHarmless(), context);
        checkHarmless(flow, node, unclear, context);
        if (!unclear.wordsAnywhere().isEmpty()) {
            // said at another question, the message the answer's exit leads to is what the person is told
            boolean message = context.node(node.target(unclear.answer()))
                    .map(next -> next.kind() == NodeKind.MESSAGE && next.text() != null).orElse(false);
            if (!message) {
                context.problem(node, "on_unclear.words_anywhere needs the exit of '" + unclear.answer() + "' to lead to a message");
            }
        }
    }

    private static void unclosedGroups(NodeDefinition node, String field, java.util.List<String> phrases, LintContext context) {
        phrases.stream().filter(phrase -> phrase.indexOf('(') >= 0 || phrase.indexOf(')') >= 0 || phrase.indexOf('|') >= 0)
                .forEach(phrase -> context.problem(node, field + ": '" + phrase + "' has a group of alternatives that"
                        + " does not close, or one inside another: write (a|b|) with no group inside it"));
    }

    /**
     * {@code on_unclear.harmless}: in the flow's languages, beside words it can take away. A harmless phrase takes away
     * a word of danger it shares a word with, where both are found ({@code ChoiceMatcher}); so each one must share a word
     * with a phrase of {@code words} or {@code words_anywhere} (else it does nothing: a typo, or a word of danger since
     * removed), and none may lie inside one (it would hide that word of danger wherever it is said: "dalam bahaya" as
     * harmless hides "aku dalam bahaya"). Compared as the words are typed, without the end mark.
     */
    private static void checkHarmless(FlowDefinition flow, NodeDefinition node, UnclearAnswer unclear, LintContext context) {
        if (unclear.harmless().isEmpty()) {
            return;
        }
        unclear.harmless().keySet().stream().filter(language -> !flow.languages().contains(language))
                .forEach(language -> context.problem(node, "unknown language '" + language + "' in 'on_unclear.harmless'"));
        java.util.List<String> dangerPhrases = java.util.stream.Stream.concat(unclear.allWords().stream(),
                unclear.allWordsAnywhere().stream()).distinct().toList();
        if (dangerPhrases.isEmpty()) {
            context.problem(node, "on_unclear.harmless needs on_unclear.words or on_unclear.words_anywhere");
            return;
        }
        java.util.List<java.util.List<String>> danger = dangerPhrases.stream().map(NodeFieldsRule::phraseWords).toList();
        java.util.Map<String, java.util.List<int[]>> places = new java.util.HashMap<>(); // word -> (danger phrase, place)
        for (int d = 0; d < danger.size(); d++) {
            for (int at = 0; at < danger.get(d).size(); at++) {
                places.computeIfAbsent(danger.get(d).get(at), word -> new java.util.ArrayList<>()).add(new int[] {d, at});
            }
        }
        for (String phrase : unclear.allHarmless()) {
            if (phrase.indexOf('(') >= 0 || phrase.indexOf(')') >= 0 || phrase.indexOf('|') >= 0) {
                continue; // a group that does not close: named above
            }
            java.util.List<String> words = phraseWords(phrase);
            String hidden = words.isEmpty() ? null : hidden(words, danger, dangerPhrases, places);
            if (hidden != null) {
                context.problem(node, "on_unclear.harmless: '" + phrase + "' lies inside '" + hidden
                        + "', a word of danger, and would hide it wherever it is said");
            } else if (!words.isEmpty() && !shares(words, danger, places)) {
                context.problem(node, "on_unclear.harmless: '" + phrase + "' shares no word with a phrase of on_unclear.words"
                        + " or words_anywhere, so it takes nothing away");
            }
        }
    }

    /** The word of danger {@code words} lie inside, laid on it from their first word on; or null. */
    private static String hidden(java.util.List<String> words, java.util.List<java.util.List<String>> danger,
            java.util.List<String> dangerPhrases, java.util.Map<String, java.util.List<int[]>> places) {
        for (int[] place : places.getOrDefault(words.get(0), java.util.List.of())) {
            java.util.List<String> other = danger.get(place[0]);
            if (place[1] + words.size() <= other.size() && aligned(words, other, place[1])) {
                return dangerPhrases.get(place[0]);
            }
        }
        return null;
    }

    /**
     * Whether {@code words} share a word with a word of danger, laid beside it: tried from their rarest word on ("bahaya"
     * before "aku"), so that thousands of phrases are checked quickly at every load.
     */
    private static boolean shares(java.util.List<String> words, java.util.List<java.util.List<String>> danger,
            java.util.Map<String, java.util.List<int[]>> places) {
        @SuppressWarnings("unchecked")
        java.util.List<int[]>[] at = new java.util.List[words.size()];
        Integer[] order = new Integer[words.size()];
        for (int k = 0; k < words.size(); k++) {
            at[k] = places.getOrDefault(words.get(k), java.util.List.of());
            order[k] = k;
        }
        java.util.Arrays.sort(order, java.util.Comparator.comparingInt(k -> at[k].size()));
        for (int k : order) {
            for (int[] place : at[k]) {
                if (aligned(words, danger.get(place[0]), place[1] - k)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether {@code words}, laid beside {@code other} with {@code words[k]} at {@code other[k + offset]}, agree wherever they meet. */
    private static boolean aligned(java.util.List<String> words, java.util.List<String> other, int offset) {
        int from = Math.max(0, -offset);
        int to = Math.min(words.size(), other.size() - offset);
        for (int k = from; k < to; k++) {
            if (!words.get(k).equals(other.get(k + offset))) {
                return false;
            }
        }
        return from < to;
    }

    /**
     * A flow phrase's words in lower case, without the end mark ("dia di sini$"): the same on both sides of the
     * comparison, which is all the check needs (the matcher's own forms, {@code ChoiceMatcher}, are worked out per flow
     * there; here thousands of phrases are read at every load).
     */
    private static java.util.List<String> phraseWords(String phrase) {
        String words = phrase.endsWith("$") ? phrase.substring(0, phrase.length() - 1) : phrase;
        return java.util.Arrays.stream(NON_WORD.split(words.toLowerCase(java.util.Locale.ROOT))).filter(word -> !word.isEmpty()).toList();
    }

    private static final java.util.regex.Pattern NON_WORD = java.util.regex.Pattern.compile("[^\\p{L}\\p{N}]+");

    /**
     * {@code too_broad}: at a choice question, with words and a text (the words' overlap: {@link TypedAnswerRule});
     * {@code over_options} at a single choice only.
     */
    private static void checkBroad(NodeDefinition node, LintContext context) {
        if (node.tooBroad() == null) {
            return;
        }
        notApplicable(node, context, "too_broad", node.kind() != NodeKind.SINGLE_CHOICE && node.kind() != NodeKind.MULTI_CHOICE);
        // at a multi choice every option named is ticked beside a broad word ("pelecehan dan dipukul"): nothing to win over
        notApplicable(node, context, "too_broad.over_options", node.tooBroad().overOptions() && node.kind() == NodeKind.MULTI_CHOICE);
        if (node.tooBroad().allWords().isEmpty()) {
            context.problem(node, "missing field 'too_broad.words'");
        }
        if (node.tooBroad().text() == null) {
            context.problem(node, "missing field 'too_broad.text'");
        }
    }

    /**
     * {@code answer_words}: at a yes/no question, per answer ({@code yes}, {@code no}) and flow language, no word for both
     * answers.
     */
    private static void checkAnswerWords(FlowDefinition flow, NodeDefinition node, LintContext context) {
        if (node.answerWords().isEmpty()) {
            return;
        }
        notApplicable(node, context, "answer_words", node.kind() != NodeKind.YES_NO);
        java.util.Map<String, String> answerOf = new java.util.HashMap<>();
        node.answerWords().forEach((answer, perLanguage) -> {
            if (!ChoiceIds.YES.equals(answer) && !ChoiceIds.NO.equals(answer) && !"unclear".equals(answer)) {
                context.problem(node, "answer_words: '" + answer + "' is not an answer of a yes/no question (yes, no, unclear)");
            }
            (perLanguage == null ? java.util.Map.<String, java.util.List<String>>of() : perLanguage).forEach((language, words) -> {
                if (!flow.languages().contains(language)) {
                    context.problem(node, "unknown language '" + language + "' in 'answer_words." + answer + "'");
                }
                for (String word : words == null ? java.util.List.<String>of() : words) {
                    String other = answerOf.putIfAbsent(word.strip().toLowerCase(java.util.Locale.ROOT), answer);
                    if (other != null && !other.equals(answer)) {
                        context.problem(node, "answer_words: '" + word + "' means both '" + other + "' and '" + answer + "'");
                    }
                }
            });
        });
    }

    private static void notApplicable(NodeDefinition node, LintContext context, String field, boolean present) {
        if (present) {
            context.problem(node, "field '" + field + "' does not apply to kind '" + node.kind().fileName() + "'");
        }
    }
}
