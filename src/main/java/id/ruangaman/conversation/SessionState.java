package id.ruangaman.conversation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

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
 * @param dangerToldAt    when the bot last gave the emergency numbers for danger said in a line it did not otherwise
 *                        answer (past the flood limit, {@code FlowEngine#readFlooded}) while the chat had no case's thread;
 *                        in a thread that time is the thread's ({@link CaseThread#dangerToldAt}). Null before
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
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean dangerSaid,
        Instant dangerToldAt) {

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
            @JsonProperty("dangerSaid") boolean dangerSaid,
            @JsonProperty("dangerToldAt") Instant dangerToldAt) {
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
        this.dangerToldAt = dangerToldAt;
    }

    /** A fresh session of a flow revision, before its start node is entered. */
    public static SessionState fresh(Flow flow, String language, String referenceCode, Instant now) {
        return new SessionState(flow.id(), flow.revision(), language, null, SessionStatus.ACTIVE, 0, Map.of(),
                Draft.EMPTY, null, PendingPrompt.NONE, referenceCode, now, false, null, false, 0, false, null);
    }

    /**
     * What is left after /hapus is confirmed: only what /status and the language need (the flow and its revision, the
     * language, the reference code, the last input's time) and discreet mode, a safety choice; status
     * {@link SessionStatus#DELETED}. Every other field is dropped. Built field by field, never as a copy: a new field does
     * not compile here until someone decides whether erasure keeps it.
     */
    public SessionState erased() {
        return new SessionState(flowId, revision, language, null, SessionStatus.DELETED, 0, Map.of(), Draft.EMPTY, null,
                PendingPrompt.NONE, referenceCode, lastInputAt, false, null, discreet, 0, false, null);
    }

    public SessionState withRevision(String value) {
        return copy(c -> c.revision = value);
    }

    public SessionState withLanguage(String value) {
        return copy(c -> c.language = value);
    }

    /** Moves to a node with a clean draft and retry count. */
    public SessionState atNode(String value) {
        return copy(c -> {
            c.nodeId = value;
            c.retries = 0;
            c.draft = Draft.EMPTY;
            c.laterHolds = 0;
        });
    }

    public SessionState withStatus(SessionStatus value) {
        return copy(c -> c.status = value);
    }

    public SessionState withRetries(int value) {
        return copy(c -> c.retries = value);
    }

    public SessionState withAnswer(String key, Answer answer) {
        Map<String, Answer> copy = new LinkedHashMap<>(answers);
        copy.put(key, answer);
        return withAnswers(copy);
    }

    public SessionState withAnswers(Map<String, Answer> value) {
        return copy(c -> c.answers = value);
    }

    public SessionState withDraft(Draft value) {
        return copy(c -> c.draft = value);
    }

    public SessionState withReturnToSummary(String value) {
        return copy(c -> c.returnToSummary = value);
    }

    public SessionState withPending(PendingPrompt value) {
        return copy(c -> c.pending = value);
    }

    public SessionState withReferenceCode(String value) {
        return copy(c -> c.referenceCode = value);
    }

    public SessionState withThread(CaseThread value) {
        return copy(c -> c.thread = value);
    }

    /** Marks an input: resets the idle clock and the reminder. */
    public SessionState withInputAt(Instant value) {
        return copy(c -> {
            c.lastInputAt = value;
            c.reminded = false;
        });
    }

    public SessionState withReminded(boolean value) {
        return copy(c -> c.reminded = value);
    }

    public SessionState withDiscreet(boolean value) {
        return copy(c -> c.discreet = value);
    }

    /** The flag a submitted report carries when {@link #dangerSaid()} ({@code Output.IntakeSubmitted#flags}). */
    public static final String DANGER_SAID = "danger_said";

    public SessionState withDangerSaid(boolean value) {
        return copy(c -> c.dangerSaid = value);
    }

    public SessionState withDangerToldAt(Instant value) {
        return copy(c -> c.dangerToldAt = value);
    }

    public SessionState withLaterHolds(int value) {
        return copy(c -> c.laterHolds = value);
    }

    /**
     * The one place a changed copy is made: {@code change} sets the fields that differ on a {@link Copy} holding this
     * state's fields. A new field is added here and in {@link Copy}, and no {@code with...} method changes.
     */
    private SessionState copy(Consumer<Copy> change) {
        Copy c = new Copy(this);
        change.accept(c);
        return new SessionState(c.flowId, c.revision, c.language, c.nodeId, c.status, c.retries, c.answers, c.draft,
                c.returnToSummary, c.pending, c.referenceCode, c.lastInputAt, c.reminded, c.thread, c.discreet,
                c.laterHolds, c.dangerSaid, c.dangerToldAt);
    }

    /** The fields of a state being copied, each one settable; only {@link #copy(Consumer)} uses it. */
    private static final class Copy {
        String flowId;
        String revision;
        String language;
        String nodeId;
        SessionStatus status;
        int retries;
        Map<String, Answer> answers;
        Draft draft;
        String returnToSummary;
        PendingPrompt pending;
        String referenceCode;
        Instant lastInputAt;
        boolean reminded;
        CaseThread thread;
        boolean discreet;
        int laterHolds;
        boolean dangerSaid;
        Instant dangerToldAt;

        Copy(SessionState s) {
            flowId = s.flowId;
            revision = s.revision;
            language = s.language;
            nodeId = s.nodeId;
            status = s.status;
            retries = s.retries;
            answers = s.answers;
            draft = s.draft;
            returnToSummary = s.returnToSummary;
            pending = s.pending;
            referenceCode = s.referenceCode;
            lastInputAt = s.lastInputAt;
            reminded = s.reminded;
            thread = s.thread;
            discreet = s.discreet;
            laterHolds = s.laterHolds;
            dangerSaid = s.dangerSaid;
            dangerToldAt = s.dangerToldAt;
        }
    }
}
