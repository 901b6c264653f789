package id.ruangaman.conversation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The whole conversation state, immutable. The host stores it as JSON ({@link SessionStateJson}) and passes it back
 * with the next input. {@code revision} pins the session to the flow revision it started on.
 *
 * @param returnToSummary id of the summary node to return to while an answer is being edited, else null
 * @param referenceCode   set when the intake is submitted; survives restart and deletion so /status works
 * @param thread          set when an intake is submitted: the chat is then that case's thread; null before
 * @param discreet        discreet mode: silent messages, no idle reminder, a neutral first line where needed (issue 17);
 *                        survives starting over and /hapus (a safety choice, not content)
 * @param laterHolds      how many replies in a row put the current question off ("nanti dulu" at consent, held with
 *                        {@code on_later}); like {@code retries}, back to 0 on another node or another kind of reply
 * @param dangerSaid      danger now was said at a question that does not ask about it ("nanti malam dia datang" at the
 *                        consent: {@code on_unclear.words_anywhere}); the submitted report then carries the flag
 *                        {@value #DANGER_SAID}, and the counsellor sees the case as in danger whatever the danger question's answer
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SessionState(
        String flowId,
        String revision,
        String language,
        String nodeId,
        SessionStatus status,
        int retries,
        Map<String, Answer> answers,
        Draft draft,
        String returnToSummary,
        PendingPrompt pending,
        String referenceCode,
        Instant lastInputAt,
        boolean reminded,
        CaseThread thread,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean discreet,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) int laterHolds,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean dangerSaid) {

    /** Danger not said at another question ({@link #withDangerSaid(boolean)}). */
    public SessionState(String flowId, String revision, String language, String nodeId, SessionStatus status, int retries,
            Map<String, Answer> answers, Draft draft, String returnToSummary, PendingPrompt pending, String referenceCode,
            Instant lastInputAt, boolean reminded, CaseThread thread, boolean discreet, int laterHolds) {
        this(flowId, revision, language, nodeId, status, retries, answers, draft, returnToSummary, pending, referenceCode,
                lastInputAt, reminded, thread, discreet, laterHolds, false);
    }

    /** No reply put off ({@link #withLaterHolds(int)}). */
    public SessionState(String flowId, String revision, String language, String nodeId, SessionStatus status, int retries,
            Map<String, Answer> answers, Draft draft, String returnToSummary, PendingPrompt pending, String referenceCode,
            Instant lastInputAt, boolean reminded, CaseThread thread, boolean discreet) {
        this(flowId, revision, language, nodeId, status, retries, answers, draft, returnToSummary, pending, referenceCode,
                lastInputAt, reminded, thread, discreet, 0);
    }

    /** Without discreet mode (see {@link #withDiscreet(boolean)}). */
    public SessionState(String flowId, String revision, String language, String nodeId, SessionStatus status, int retries,
            Map<String, Answer> answers, Draft draft, String returnToSummary, PendingPrompt pending, String referenceCode,
            Instant lastInputAt, boolean reminded, CaseThread thread) {
        this(flowId, revision, language, nodeId, status, retries, answers, draft, returnToSummary, pending, referenceCode,
                lastInputAt, reminded, thread, false);
    }

    @JsonCreator
    public SessionState(
            @JsonProperty("flowId") String flowId,
            @JsonProperty("revision") String revision,
            @JsonProperty("language") String language,
            @JsonProperty("nodeId") String nodeId,
            @JsonProperty("status") SessionStatus status,
            @JsonProperty("retries") int retries,
            @JsonProperty("answers") Map<String, Answer> answers,
            @JsonProperty("draft") Draft draft,
            @JsonProperty("returnToSummary") String returnToSummary,
            @JsonProperty("pending") PendingPrompt pending,
            @JsonProperty("referenceCode") String referenceCode,
            @JsonProperty("lastInputAt") Instant lastInputAt,
            @JsonProperty("reminded") boolean reminded,
            @JsonProperty("thread") CaseThread thread,
            @JsonProperty("discreet") boolean discreet,
            @JsonProperty("laterHolds") int laterHolds,
            @JsonProperty("dangerSaid") boolean dangerSaid) {
        this.flowId = flowId;
        this.revision = revision;
        this.language = language;
        this.nodeId = nodeId;
        this.status = status == null ? SessionStatus.ACTIVE : status;
        this.retries = retries;
        this.answers = answers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(answers));
        this.draft = draft == null ? Draft.EMPTY : draft;
        this.returnToSummary = returnToSummary;
        this.pending = pending == null ? PendingPrompt.NONE : pending;
        this.referenceCode = referenceCode;
        this.lastInputAt = lastInputAt;
        this.reminded = reminded;
        this.thread = thread;
        this.discreet = discreet;
        this.laterHolds = laterHolds;
        this.dangerSaid = dangerSaid;
    }

    /** As before the case thread existed (no thread). */
    public SessionState(String flowId, String revision, String language, String nodeId, SessionStatus status, int retries,
            Map<String, Answer> answers, Draft draft, String returnToSummary, PendingPrompt pending, String referenceCode,
            Instant lastInputAt, boolean reminded) {
        this(flowId, revision, language, nodeId, status, retries, answers, draft, returnToSummary, pending, referenceCode,
                lastInputAt, reminded, null);
    }

    /** A fresh session of a flow revision, before its start node is entered. */
    public static SessionState fresh(Flow flow, String language, String referenceCode, Instant now) {
        return new SessionState(flow.id(), flow.revision(), language, null, SessionStatus.ACTIVE, 0, Map.of(),
                Draft.EMPTY, null, PendingPrompt.NONE, referenceCode, now, false);
    }

    public SessionState withRevision(String value) {
        return new SessionState(flowId, value, language, nodeId, status, retries, answers, draft, returnToSummary, pending, referenceCode, lastInputAt, reminded, thread, discreet, laterHolds, dangerSaid);
    }

    public SessionState withLanguage(String value) {
        return new SessionState(flowId, revision, value, nodeId, status, retries, answers, draft, returnToSummary, pending, referenceCode, lastInputAt, reminded, thread, discreet, laterHolds, dangerSaid);
    }

    /** Moves to a node with a clean draft and retry count. */
    public SessionState atNode(String value) {
        return new SessionState(flowId, revision, language, value, status, 0, answers, Draft.EMPTY, returnToSummary, pending, referenceCode, lastInputAt, reminded, thread, discreet, 0, dangerSaid);
    }

    public SessionState withStatus(SessionStatus value) {
        return new SessionState(flowId, revision, language, nodeId, value, retries, answers, draft, returnToSummary, pending, referenceCode, lastInputAt, reminded, thread, discreet, laterHolds, dangerSaid);
    }

    public SessionState withRetries(int value) {
        return new SessionState(flowId, revision, language, nodeId, status, value, answers, draft, returnToSummary, pending, referenceCode, lastInputAt, reminded, thread, discreet, laterHolds, dangerSaid);
    }

    public SessionState withAnswer(String key, Answer answer) {
        Map<String, Answer> copy = new LinkedHashMap<>(answers);
        copy.put(key, answer);
        return withAnswers(copy);
    }

    public SessionState withAnswers(Map<String, Answer> value) {
        return new SessionState(flowId, revision, language, nodeId, status, retries, value, draft, returnToSummary, pending, referenceCode, lastInputAt, reminded, thread, discreet, laterHolds, dangerSaid);
    }

    public SessionState withDraft(Draft value) {
        return new SessionState(flowId, revision, language, nodeId, status, retries, answers, value, returnToSummary, pending, referenceCode, lastInputAt, reminded, thread, discreet, laterHolds, dangerSaid);
    }

    public SessionState withReturnToSummary(String value) {
        return new SessionState(flowId, revision, language, nodeId, status, retries, answers, draft, value, pending, referenceCode, lastInputAt, reminded, thread, discreet, laterHolds, dangerSaid);
    }

    public SessionState withPending(PendingPrompt value) {
        return new SessionState(flowId, revision, language, nodeId, status, retries, answers, draft, returnToSummary, value, referenceCode, lastInputAt, reminded, thread, discreet, laterHolds, dangerSaid);
    }

    public SessionState withReferenceCode(String value) {
        return new SessionState(flowId, revision, language, nodeId, status, retries, answers, draft, returnToSummary, pending, value, lastInputAt, reminded, thread, discreet, laterHolds, dangerSaid);
    }

    public SessionState withThread(CaseThread value) {
        return new SessionState(flowId, revision, language, nodeId, status, retries, answers, draft, returnToSummary, pending, referenceCode, lastInputAt, reminded, value, discreet, laterHolds, dangerSaid);
    }

    /** Marks an input: resets the idle clock and the reminder. */
    public SessionState withInputAt(Instant value) {
        return new SessionState(flowId, revision, language, nodeId, status, retries, answers, draft, returnToSummary, pending, referenceCode, value, false, thread, discreet, laterHolds, dangerSaid);
    }

    public SessionState withReminded(boolean value) {
        return new SessionState(flowId, revision, language, nodeId, status, retries, answers, draft, returnToSummary, pending, referenceCode, lastInputAt, value, thread, discreet, laterHolds, dangerSaid);
    }

    public SessionState withDiscreet(boolean value) {
        return new SessionState(flowId, revision, language, nodeId, status, retries, answers, draft, returnToSummary, pending, referenceCode, lastInputAt, reminded, thread, value, laterHolds, dangerSaid);
    }

    /** The flag a submitted report carries when {@link #dangerSaid()} ({@code Output.IntakeSubmitted#flags}). */
    public static final String DANGER_SAID = "danger_said";

    public SessionState withDangerSaid(boolean value) {
        return new SessionState(flowId, revision, language, nodeId, status, retries, answers, draft, returnToSummary, pending, referenceCode, lastInputAt, reminded, thread, discreet, laterHolds, value);
    }

    public SessionState withLaterHolds(int value) {
        return new SessionState(flowId, revision, language, nodeId, status, retries, answers, draft, returnToSummary, pending, referenceCode, lastInputAt, reminded, thread, discreet, value, dangerSaid);
    }
}
