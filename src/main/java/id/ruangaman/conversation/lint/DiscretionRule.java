package id.ruangaman.conversation.lint;

import id.ruangaman.conversation.definition.Discretion;
import id.ruangaman.conversation.definition.FlowDefinition;
import id.ruangaman.conversation.definition.LocalizedText;
import id.ruangaman.conversation.definition.MessageKey;
import id.ruangaman.conversation.definition.NodeDefinition;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Before the person has agreed to anything, the chat may be read by someone else (a lock screen, a chat list): every
 * node from {@code start} up to and including the consent question, and every system message that can be sent that
 * early, must avoid the words in {@code discretion.avoid_words} (issue 17). Also checks the block's references.
 * <p>
 * And a discreet chat may get any text at any point (the mode survives /mulai and /hapus): there each message begins
 * with the neutral line, once, and the first line under it is what a preview or the chat list shows next. So every text
 * that can begin a message (a node's text unless the progress line comes first, its {@code discreet_text} where it has
 * one, re-prompts, every system message that is not a button label) must have a first line without an avoided word or
 * a {@code discretion.service_names} entry, and without {@code {selected}} (the labels chosen, which may name the
 * violence). A node whose greeting needs the service's name writes {@code discreet_text} for discreet chats.
 */
public final class DiscretionRule implements LintRule {

    /** System messages that can reach a person before the consent answer (commands, re-prompts, buttons ...). */
    static final Set<MessageKey> BEFORE_CONSENT = EnumSet.of(MessageKey.PROGRESS, MessageKey.REPROMPT, MessageKey.REPROMPT_NUMBERED, MessageKey.FALLBACK,
            MessageKey.FALLBACK_SKIPPED, MessageKey.STALE_BUTTON, MessageKey.QUOTED_EARLIER, MessageKey.UNSUPPORTED_INPUT, MessageKey.UNREADABLE_INPUT,
            MessageKey.MEDIA_NOT_EXPECTED,
            MessageKey.UNKNOWN_COMMAND, MessageKey.HELP, MessageKey.REMINDER, MessageKey.WELCOME_BACK, MessageKey.RESUME_QUESTION,
            MessageKey.RESUME_CONTINUE, MessageKey.RESUME_RESTART, MessageKey.CHOOSE_LANGUAGE, MessageKey.LANGUAGE_NAME,
            MessageKey.STATUS_NONE, MessageKey.NOT_STARTED, MessageKey.DELETE_NOTHING, MessageKey.QUICK_EXIT, MessageKey.DELETE_CONFIRM, MessageKey.DELETE_DONE,
            MessageKey.DELETE_CANCELLED, MessageKey.FINISHED, MessageKey.FLOW_UPDATED, MessageKey.YES, MessageKey.NO,
            MessageKey.SKIP, MessageKey.DONE);

    /** System messages that are button labels or parts of other texts, never the first line of a message. */
    static final Set<MessageKey> NEVER_FIRST = EnumSet.of(MessageKey.LANGUAGE_NAME, MessageKey.STATUS_NEW,
            MessageKey.STATUS_IN_VERIFICATION, MessageKey.STATUS_VERIFIED, MessageKey.STATUS_REFERRED, MessageKey.STATUS_CLOSED,
            MessageKey.STATUS_DELETED, MessageKey.STATUS_UNKNOWN, MessageKey.THREAD_NEW_REPORT, MessageKey.NEW_OR_ADD_NEW,
            MessageKey.NEW_OR_ADD_ADD, MessageKey.NEW_OR_ADD_TO, MessageKey.YES, MessageKey.NO, MessageKey.SKIP, MessageKey.DONE,
            MessageKey.SUMMARY_CONFIRM, MessageKey.SUMMARY_EDIT, MessageKey.SUMMARY_BACK, MessageKey.SUMMARY_SKIPPED,
            MessageKey.SUMMARY_FILES, MessageKey.SUMMARY_FORWARDED, MessageKey.RESUME_CONTINUE, MessageKey.RESUME_RESTART);

    @Override
    public void check(FlowDefinition flow, LintContext context) {
        Discretion discretion = flow.discretion();
        if (discretion == null) {
            return;
        }
        if (discretion.neutralLine() != null) {
            checkFirstLines(flow, discretion, context);
        }
        if (discretion.remindersAfter() != null && context.nodeForKey(discretion.remindersAfter()).isEmpty()) {
            context.fileProblem("discretion.reminders_after refers to unknown answer '" + discretion.remindersAfter() + "'");
        }
        if (discretion.consentNode() == null) {
            return;
        }
        if (!context.hasNode(discretion.consentNode())) {
            context.fileProblem("discretion.consent_node refers to unknown node '" + discretion.consentNode() + "'");
            return;
        }
        for (MessageKey key : BEFORE_CONSENT) {
            check(context.asShown(flow.messages().get(key.fileName())), "messages." + key.fileName(), discretion, context::fileProblem);
        }
        if (discretion.neutralLine() != null) {
            check(context.asShown(discretion.neutralLine()), "discretion.neutral_line", discretion, context::fileProblem);
        }
        // Danger now said at the consent (on_unclear.words_anywhere) brings the danger answer's message before consent.
        for (NodeDefinition node : flow.nodes()) {
            if (node.onUnclear() != null && !node.onUnclear().wordsAnywhere().isEmpty()) {
                context.node(node.target(node.onUnclear().answer())).ifPresent(message -> check(context.asShown(message.text()),
                        "text", discretion, problem -> context.problem(message, problem + " (said anywhere: on_unclear.words_anywhere of '"
                                + node.id() + "')")));
            }
        }
        for (String id : beforeConsent(flow, discretion.consentNode(), context)) {
            NodeDefinition node = context.node(id).orElseThrow();
            Consumer<String> report = problem -> context.problem(node, problem);
            check(context.asShown(node.text()), "text", discretion, report);
            check(context.asShown(node.discreetText()), "discreet_text", discretion, report);
            check(context.asShown(node.reprompt()), "reprompt", discretion, report);
            check(context.asShown(node.onLater()), "on_later", discretion, report);
            check(context.asShown(node.onLaterAgain()), "on_later_again", discretion, report);
            if (node.onUnclear() != null) {
                check(context.asShown(node.onUnclear().text()), "on_unclear.text", discretion, report);
            }
            if (node.tooBroad() != null) {
                check(context.asShown(node.tooBroad().text()), "too_broad.text", discretion, report);
            }
            node.options().forEach(option -> check(context.asShown(option.label()), "options." + option.id() + ".label", discretion, report));
            if (node.textBy() != null) {
                new TreeMap<>(node.textBy().variants()).forEach((variant, text) ->
                        check(context.asShown(text), "text_by.variants." + variant, discretion, report));
            }
        }
    }

    private static void checkFirstLines(FlowDefinition flow, Discretion discretion, LintContext context) {
        for (MessageKey key : MessageKey.values()) {
            if (!NEVER_FIRST.contains(key)) {
                firstLine(context.asShown(flow.messages().get(key.fileName())), "messages." + key.fileName(), discretion, context::fileProblem);
            }
        }
        for (NodeDefinition node : flow.nodes()) {
            Consumer<String> report = problem -> context.problem(node, problem);
            if (node.discreetText() != null) {
                firstLine(context.asShown(node.discreetText()), "discreet_text", discretion, report);
            } else if (node.step() == null) {
                firstLine(context.asShown(node.text()), "text", discretion, report);
                if (node.textBy() != null) {
                    new TreeMap<>(node.textBy().variants()).forEach((variant, text) ->
                            firstLine(context.asShown(text), "text_by.variants." + variant, discretion, report));
                }
            }
            firstLine(context.asShown(node.reprompt()), "reprompt", discretion, report);
            firstLine(context.asShown(node.mediaRefused()), "media_refused", discretion, report);
            firstLine(context.asShown(node.onLater()), "on_later", discretion, report);
            firstLine(context.asShown(node.onLaterAgain()), "on_later_again", discretion, report);
            if (node.toldEarly() != null) {
                firstLine(context.asShown(node.toldEarly().kept()), "told_early.kept", discretion, report);
                firstLine(context.asShown(node.toldEarly().carried()), "told_early.carried", discretion, report);
                firstLine(context.asShown(node.toldEarly().keptMore()), "told_early.kept_more", discretion, report);
            }
            if (node.onUnclear() != null) {
                firstLine(context.asShown(node.onUnclear().text()), "on_unclear.text", discretion, report);
            }
            if (node.tooBroad() != null) {
                firstLine(context.asShown(node.tooBroad().text()), "too_broad.text", discretion, report);
            }
        }
    }

    private static void firstLine(LocalizedText text, String where, Discretion discretion, Consumer<String> report) {
        if (text == null) {
            return;
        }
        for (Map.Entry<String, String> entry : new TreeMap<>(text.values()).entrySet()) {
            String first = entry.getValue().strip().lines().findFirst().orElse("");
            discretion.tellingInFirstLine(first).ifPresent(word -> report.accept("'" + where + "' (" + entry.getKey()
                    + ") begins a message to a discreet chat and its first line shows '" + word + "'"));
        }
    }

    /** Nodes reachable from start without passing the consent question (which is included). */
    private static Set<String> beforeConsent(FlowDefinition flow, String consent, LintContext context) {
        Set<String> reached = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>();
        if (flow.start() != null) {
            queue.add(flow.start());
        }
        while (!queue.isEmpty()) {
            String id = queue.poll();
            if (!context.hasNode(id) || !reached.add(id) || id.equals(consent)) {
                continue;
            }
            NodeDefinition node = context.node(id).orElseThrow();
            if (node.next() != null) {
                queue.add(node.next());
            }
            if (node.onInvalid() != null) {
                queue.add(node.onInvalid());
            }
            queue.addAll(node.exits().values());
        }
        return reached;
    }

    private static void check(LocalizedText text, String where, Discretion discretion, Consumer<String> report) {
        if (text == null) {
            return;
        }
        for (Map.Entry<String, String> entry : text.values().entrySet()) {
            discretion.avoidedWordIn(entry.getValue()).ifPresent(word ->
                    report.accept("'" + where + "' (" + entry.getKey() + ") is sent before consent and contains '" + word + "'"));
        }
    }
}
