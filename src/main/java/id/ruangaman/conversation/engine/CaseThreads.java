package id.ruangaman.conversation.engine;

import id.ruangaman.conversation.Answer;
import id.ruangaman.conversation.CaseThread;
import id.ruangaman.conversation.Choice;
import id.ruangaman.conversation.Draft;
import id.ruangaman.conversation.Input;
import id.ruangaman.conversation.Output;
import id.ruangaman.conversation.PendingPrompt;
import id.ruangaman.conversation.SessionState;
import id.ruangaman.conversation.definition.LocalizedText;
import id.ruangaman.conversation.definition.MessageKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * After the report, the chat is the case's thread. What the person sends is for the counsellor (the host files it
 * under the case): the bot does not answer each message, it acknowledges once per quiet period
 * ({@link id.ruangaman.conversation.EngineSettings#threadQuietPeriod()}). A press of a button that is no longer current
 * is not a message: it gets {@link Output.StaleButton} and leaves the acknowledgement for the next message. A case the task force closed gets a kind
 * note instead, also once per quiet period. Files are kept as evidence only with consent: given in the intake, or
 * asked now once ({@link PendingPrompt#EVIDENCE_KEEP}); held files wait in the draft until the answer.
 * <p>
 * Danger now written in the thread ("dia di depan pintu", "dia mau datang ke kos malam ini", "aku diancam", "he's
 * outside": the flow's {@code words_anywhere}, read as at any question, {@link DangerAnywhere#said(Turn, String)}; not
 * under a negation, so "dia tidak datang" says none) still goes to the counsellor as written, and the case is marked in
 * danger each time ({@link Output.DangerReported}: the host marks the case with the time). The bot answers it with the
 * emergency message the danger question gives, in one message with the acknowledgement when that is due, at most once
 * per {@link #DANGER_NOTICE_EVERY} for the contact (a fixed rule): a person who writes several frightened lines in a
 * row gets the numbers once, not a flood.
 */
public final class CaseThreads {

    /** Answer keys of the intake the thread reads (conversations/intake.yaml). */
    static final String EVIDENCE_CONSENT_KEY = "evidence_consent";
    static final String SAFE_TO_REPLY_KEY = "safe_to_reply";
    /** Pseudo node of the "new report" button under the acknowledgement. */
    public static final String THREAD_NODE = "_thread";
    static final String NEW_REPORT = "new";
    static final String CLOSED = "closed";
    /** "An addition" to the current report, and the prefix of a choice naming one open report. */
    static final String ADD = "add";
    static final String TO_CASE = "to-";
    /**
     * The emergency numbers for danger said in the thread are given whole at most once in this period (6 hours: a night);
     * within it, danger said again still reaches the counsellor and marks the case, and gets the short
     * {@code danger_again} line (never silence). A line past the flood limit ({@link FloodedLines}) gets nothing more.
     */
    public static final Duration DANGER_NOTICE_EVERY = Duration.ofHours(6);
    /** WhatsApp's limit of reply buttons per message (platform-facts.md, WA-BUTTONS). */
    static final int MAX_BUTTONS = 3;

    private CaseThreads() {
    }

    /** The thread a submitted intake opens, from its answers; an earlier thread's consent is kept. */
    static CaseThread opened(Map<String, Answer> answers, CaseThread earlier) {
        boolean consent = said(answers, EVIDENCE_CONSENT_KEY, "yes") || (earlier != null && earlier.evidenceConsent());
        return new CaseThread(null, consent, said(answers, SAFE_TO_REPLY_KEY, "no"));
    }

    /** Whether the person said it is not safe for the task force to write first (in this intake or an earlier one). */
    static boolean chatUnsafe(SessionState state) {
        return said(state.answers(), SAFE_TO_REPLY_KEY, "no") || (state.thread() != null && state.thread().chatUnsafe());
    }

    private static boolean said(Map<String, Answer> answers, String key, String value) {
        Answer answer = answers.get(key);
        return answer != null && !answer.skipped() && value.equals(answer.value());
    }

    /** Any input to the thread that is not a command or the answer to a pending question. */
    public static void handle(Turn turn, Input input) {
        if (input instanceof Input.ButtonPress press && THREAD_NODE.equals(press.nodeId()) && NEW_REPORT.equals(press.optionId())) {
            // The button already says "Buat laporan baru": asking "a new report, or more for RA-…?" again would make
            // the person answer the same thing twice (walkthrough 10, F3). /mulai, which says nothing of the kind, asks.
            turn.update(state -> state.withPending(PendingPrompt.NONE));
            Sessions.restart(turn);
            return;
        }
        if (input instanceof Input.ButtonPress) {
            // A button of an earlier prompt: not the person's message, so the acknowledgement stays for their next one.
            turn.emit(new Output.StaleButton());
            return;
        }
        if (input instanceof Input.Unsupported) {
            // Nothing the counsellor can read arrived (a poll, a view-once item ...): not "your message reached the task
            // force", but what to send instead. The acknowledgement stays for the next readable message.
            turn.say(turn.msg(MessageKey.UNREADABLE_INPUT));
            return;
        }
        // A file's caption is the person's words, read for danger like a typed line (before: only typed lines were)
        String words = input instanceof Input.Text text ? text.text()
                : input instanceof Input.Media media && media.caption() != null ? media.caption() : null;
        // and a "ya" quoting the danger question is danger now here too (QuotedReplies#dangerQuoted)
        boolean dangerNow = input instanceof Input.Text text ? QuotedReplies.dangerSaid(turn, text)
                : words != null && !words.isBlank() && DangerAnywhere.said(turn, words);
        String safety = dangerNow ? danger(turn) : "";
        if (input instanceof Input.Media media && media.mediaId() != null && !media.mediaId().isBlank()) {
            if (thread(turn).evidenceConsent()) {
                turn.emit(new Output.EvidenceKept(turn.state().referenceCode(), List.of(media.mediaId())));
            } else {
                turn.update(state -> state.withDraft(state.draft().plusMedia(media.mediaId())));
                if (turn.state().pending() != PendingPrompt.EVIDENCE_KEEP) {
                    if (!safety.isEmpty()) {
                        turn.say(safety); // the emergency numbers before the question about the file
                    }
                    PendingPrompts.ask(turn, PendingPrompt.EVIDENCE_KEEP);
                    turn.update(state -> state.withThread(thread(turn).withAcknowledgedAt(turn.now())));
                    return; // the question says the file arrived: no acknowledgement on top
                }
            }
        }
        acknowledge(turn, safety);
    }

    /**
     * For danger said: the case marked (the danger answer's events, every time) and the emergency message to give, or,
     * when the numbers were given less than {@link #DANGER_NOTICE_EVERY} ago, the short {@code danger_again} line: a
     * person who says danger again is never left without an answer (before: silence until the quiet period ended).
     */
    private static String danger(Turn turn) {
        DangerAnywhere.report(turn);
        CaseThread thread = thread(turn);
        Instant now = turn.now();
        if (thread.dangerToldAt() != null && Duration.between(thread.dangerToldAt(), now).compareTo(DANGER_NOTICE_EVERY) < 0) {
            return turn.msg(MessageKey.DANGER_AGAIN);
        }
        String safety = DangerAnywhere.emergency(turn);
        if (!safety.isEmpty()) {
            turn.update(state -> state.withThread(thread.withDangerToldAt(now)));
        }
        return safety;
    }

    /**
     * The acknowledgement or the closed-case note, at most once per quiet period; {@code safety} (the emergency message,
     * or "") comes first, in the same message, and alone when no acknowledgement is due.
     */
    private static void acknowledge(Turn turn, String safety) {
        CaseThread thread = thread(turn);
        Instant now = turn.now();
        Duration quiet = turn.context().settings().threadQuietPeriod();
        if (thread.acknowledgedAt() != null && Duration.between(thread.acknowledgedAt(), now).compareTo(quiet) < 0) {
            if (!safety.isEmpty()) {
                turn.say(safety);
            }
            return;
        }
        turn.update(state -> state.withThread(thread.withAcknowledgedAt(now)));
        String before = safety.isEmpty() ? "" : safety + "\n\n";
        String code = turn.state().referenceCode();
        boolean closed = code != null && turn.context().cases().statusOf(code).map(CLOSED::equals).orElse(false);
        if (closed) {
            turn.say(before + turn.msg(MessageKey.CASE_CLOSED, "reference_code", code));
            return;
        }
        Choice newReport = new Choice(NEW_REPORT, turn.msg(MessageKey.THREAD_NEW_REPORT));
        turn.emit(new Output.Message(before + turn.msg(MessageKey.THREAD_RECEIVED, "reference_code", code == null ? "" : code),
                THREAD_NODE, List.of(newReport), false));
    }

    /** The answer to "may we keep this file?": keep or drop what is held, and remember a yes. */
    static void keepEvidence(Turn turn, boolean keep) {
        List<String> held = turn.state().draft().mediaIds();
        String code = turn.state().referenceCode();
        if (keep) {
            if (!held.isEmpty()) {
                turn.emit(new Output.EvidenceKept(code, held));
            }
            turn.update(state -> state.withThread(thread(turn).withEvidenceConsent(true)));
            turn.say(turn.msg(MessageKey.EVIDENCE_KEPT, "reference_code", code == null ? "" : code));
        } else {
            turn.say(turn.msg(MessageKey.EVIDENCE_NOT_KEPT, "reference_code", code == null ? "" : code));
        }
        turn.update(state -> state.withDraft(Draft.EMPTY));
    }

    /**
     * On a tick: files held for the keep-this-file question with no answer within the pause period are let go
     * (nothing is kept without a yes). Silent: the bot does not write first.
     */
    static void dropUnansweredFiles(Turn turn) {
        SessionState state = turn.state();
        if (state.pending() != PendingPrompt.EVIDENCE_KEEP || state.lastInputAt() == null
                || Duration.between(state.lastInputAt(), turn.now()).compareTo(turn.context().settings().pauseAfter()) < 0) {
            return;
        }
        turn.update(s -> s.withPending(PendingPrompt.NONE).withDraft(Draft.EMPTY));
    }

    /**
     * The choices of "a new report, or an addition to ...?" ({@link PendingPrompt#NEW_REPORT}). With at most one open
     * report: "new report" and "addition" (to the last report). With two or more open reports (not closed, not
     * erased; from {@link id.ruangaman.conversation.CaseStatusLookup#openReportsOf}): "new report" and one choice per
     * open report, newest first, id {@code to-<reference code>}, label "Tambah ke RA-XXXXX" (18 characters, within
     * WhatsApp's 20 for a reply button). Only the first {@link #MAX_BUTTONS} are shown (WhatsApp allows 3 reply
     * buttons); an older open report is chosen by typing its code.
     */
    static List<ChoiceSpec> newOrAddChoices(Turn turn) {
        ChoiceSpec newReport = new ChoiceSpec(NEW_REPORT, turn.flow().message(MessageKey.NEW_OR_ADD_NEW), Words.NEW_REPORT);
        List<String> open = openReports(turn);
        if (open.size() < 2) {
            return List.of(newReport, new ChoiceSpec(ADD, turn.flow().message(MessageKey.NEW_OR_ADD_ADD), Words.ADDITION));
        }
        List<ChoiceSpec> choices = new ArrayList<>();
        choices.add(newReport);
        for (String code : open) {
            choices.add(new ChoiceSpec(TO_CASE + code, addToLabel(turn, code), List.of(code)));
        }
        return List.copyOf(choices);
    }

    /** The label of the button that files the next messages into report {@code code}, in every language. */
    static LocalizedText addToLabel(Turn turn, String code) {
        Map<String, String> labels = new LinkedHashMap<>();
        turn.flow().message(MessageKey.NEW_OR_ADD_TO).values()
                .forEach((language, text) -> labels.put(language, text.replace("{reference_code}", code)));
        return new LocalizedText(labels);
    }

    /** The person's open reports, newest first, as the host knows them; empty before any report. */
    static List<String> openReports(Turn turn) {
        String code = turn.state().referenceCode();
        return code == null ? List.of() : turn.context().cases().openReportsOf(code);
    }

    /** The report a {@code to-<code>} choice names; null for "addition" (the current report). */
    static String chosenCase(String choice) {
        return choice.startsWith(TO_CASE) ? choice.substring(TO_CASE.length()) : null;
    }

    /**
     * "An addition to report X": from now on the thread files into X (the session's reference code, which the host
     * reads for chat_message.intake_id), and the person is told where their words go. {@code chosen} null keeps the
     * current report. A report that is no longer open is not switched to.
     */
    static void continueThread(Turn turn, String chosen) {
        if (chosen != null && openReports(turn).contains(chosen)) {
            turn.update(state -> state.withReferenceCode(chosen));
        }
        String code = turn.state().referenceCode();
        turn.say(turn.msg(MessageKey.THREAD_CONTINUE, "reference_code", code == null ? "" : code));
    }

    private static CaseThread thread(Turn turn) {
        CaseThread thread = turn.state().thread();
        return thread == null ? new CaseThread(null, false, false) : thread;
    }
}
