package id.ruangaman.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each copy method changes its own field and leaves every other field as it was. */
class SessionStateCopyTest {

    private static final Instant EARLIER = Instant.parse("2026-11-20T10:00:00Z");
    private static final Instant LATER = Instant.parse("2026-11-21T08:30:00Z");

    /** Every field set, none at its default, so a copy that drops or swaps one shows. */
    private static final SessionState FULL = new SessionState("intake", "sha256:abc", "id", "services",
            SessionStatus.PAUSED, 2, Map.of("consent", Answer.choice("yes_no", "yes", null)),
            new Draft(List.of("legal"), List.of(), List.of(), false), "summary", PendingPrompt.RESUME, "RA-7K2QX",
            EARLIER, true, new CaseThread(EARLIER, true, false), true, 1, true, EARLIER);

    @Test
    void shouldChangeOnlyTheFieldEachCopyNames() {
        SessionState s = FULL;
        assertEquals(state(s.flowId(), "sha256:new", s.language(), s.nodeId(), s.status(), s.retries(), s.answers(),
                s.draft(), s.returnToSummary(), s.pending(), s.referenceCode(), s.lastInputAt(), s.reminded(),
                s.thread(), s.discreet(), s.laterHolds(), s.dangerSaid(), s.dangerToldAt()), s.withRevision("sha256:new"));
        assertEquals(state(s.flowId(), s.revision(), "en", s.nodeId(), s.status(), s.retries(), s.answers(),
                s.draft(), s.returnToSummary(), s.pending(), s.referenceCode(), s.lastInputAt(), s.reminded(),
                s.thread(), s.discreet(), s.laterHolds(), s.dangerSaid(), s.dangerToldAt()), s.withLanguage("en"));
        assertEquals(state(s.flowId(), s.revision(), s.language(), s.nodeId(), SessionStatus.EXITED, s.retries(),
                s.answers(), s.draft(), s.returnToSummary(), s.pending(), s.referenceCode(), s.lastInputAt(),
                s.reminded(), s.thread(), s.discreet(), s.laterHolds(), s.dangerSaid(), s.dangerToldAt()),
                s.withStatus(SessionStatus.EXITED));
        assertEquals(state(s.flowId(), s.revision(), s.language(), s.nodeId(), s.status(), 0, s.answers(),
                s.draft(), s.returnToSummary(), s.pending(), s.referenceCode(), s.lastInputAt(), s.reminded(),
                s.thread(), s.discreet(), s.laterHolds(), s.dangerSaid(), s.dangerToldAt()), s.withRetries(0));
        Map<String, Answer> other = Map.of("name", Answer.skipped("text", null));
        assertEquals(state(s.flowId(), s.revision(), s.language(), s.nodeId(), s.status(), s.retries(), other,
                s.draft(), s.returnToSummary(), s.pending(), s.referenceCode(), s.lastInputAt(), s.reminded(),
                s.thread(), s.discreet(), s.laterHolds(), s.dangerSaid(), s.dangerToldAt()), s.withAnswers(other));
        assertEquals(state(s.flowId(), s.revision(), s.language(), s.nodeId(), s.status(), s.retries(),
                Map.of("consent", Answer.choice("yes_no", "yes", null), "name", Answer.text("x")),
                s.draft(), s.returnToSummary(), s.pending(), s.referenceCode(), s.lastInputAt(), s.reminded(),
                s.thread(), s.discreet(), s.laterHolds(), s.dangerSaid(), s.dangerToldAt()), s.withAnswer("name", Answer.text("x")));
        assertEquals(state(s.flowId(), s.revision(), s.language(), s.nodeId(), s.status(), s.retries(), s.answers(),
                Draft.EMPTY, s.returnToSummary(), s.pending(), s.referenceCode(), s.lastInputAt(), s.reminded(),
                s.thread(), s.discreet(), s.laterHolds(), s.dangerSaid(), s.dangerToldAt()), s.withDraft(Draft.EMPTY));
        assertEquals(state(s.flowId(), s.revision(), s.language(), s.nodeId(), s.status(), s.retries(), s.answers(),
                s.draft(), null, s.pending(), s.referenceCode(), s.lastInputAt(), s.reminded(),
                s.thread(), s.discreet(), s.laterHolds(), s.dangerSaid(), s.dangerToldAt()), s.withReturnToSummary(null));
        assertEquals(state(s.flowId(), s.revision(), s.language(), s.nodeId(), s.status(), s.retries(), s.answers(),
                s.draft(), s.returnToSummary(), PendingPrompt.LANGUAGE, s.referenceCode(), s.lastInputAt(),
                s.reminded(), s.thread(), s.discreet(), s.laterHolds(), s.dangerSaid(), s.dangerToldAt()),
                s.withPending(PendingPrompt.LANGUAGE));
        assertEquals(state(s.flowId(), s.revision(), s.language(), s.nodeId(), s.status(), s.retries(), s.answers(),
                s.draft(), s.returnToSummary(), s.pending(), "RA-AAAAA", s.lastInputAt(), s.reminded(),
                s.thread(), s.discreet(), s.laterHolds(), s.dangerSaid(), s.dangerToldAt()), s.withReferenceCode("RA-AAAAA"));
        assertEquals(state(s.flowId(), s.revision(), s.language(), s.nodeId(), s.status(), s.retries(), s.answers(),
                s.draft(), s.returnToSummary(), s.pending(), s.referenceCode(), s.lastInputAt(), s.reminded(),
                null, s.discreet(), s.laterHolds(), s.dangerSaid(), s.dangerToldAt()), s.withThread(null));
        assertEquals(state(s.flowId(), s.revision(), s.language(), s.nodeId(), s.status(), s.retries(), s.answers(),
                s.draft(), s.returnToSummary(), s.pending(), s.referenceCode(), s.lastInputAt(), false,
                s.thread(), s.discreet(), s.laterHolds(), s.dangerSaid(), s.dangerToldAt()), s.withReminded(false));
        assertEquals(state(s.flowId(), s.revision(), s.language(), s.nodeId(), s.status(), s.retries(), s.answers(),
                s.draft(), s.returnToSummary(), s.pending(), s.referenceCode(), s.lastInputAt(), s.reminded(),
                s.thread(), false, s.laterHolds(), s.dangerSaid(), s.dangerToldAt()), s.withDiscreet(false));
        assertEquals(state(s.flowId(), s.revision(), s.language(), s.nodeId(), s.status(), s.retries(), s.answers(),
                s.draft(), s.returnToSummary(), s.pending(), s.referenceCode(), s.lastInputAt(), s.reminded(),
                s.thread(), s.discreet(), 3, s.dangerSaid(), s.dangerToldAt()), s.withLaterHolds(3));
        assertEquals(state(s.flowId(), s.revision(), s.language(), s.nodeId(), s.status(), s.retries(), s.answers(),
                s.draft(), s.returnToSummary(), s.pending(), s.referenceCode(), s.lastInputAt(), s.reminded(),
                s.thread(), s.discreet(), s.laterHolds(), false, s.dangerToldAt()), s.withDangerSaid(false));
        assertEquals(state(s.flowId(), s.revision(), s.language(), s.nodeId(), s.status(), s.retries(), s.answers(),
                s.draft(), s.returnToSummary(), s.pending(), s.referenceCode(), s.lastInputAt(), s.reminded(),
                s.thread(), s.discreet(), s.laterHolds(), s.dangerSaid(), LATER), s.withDangerToldAt(LATER));
    }

    @Test
    void shouldCleanTheDraftRetriesAndHoldsWhenMovingToANode() {
        SessionState s = FULL;
        assertEquals(state(s.flowId(), s.revision(), s.language(), "story", s.status(), 0, s.answers(),
                Draft.EMPTY, s.returnToSummary(), s.pending(), s.referenceCode(), s.lastInputAt(), s.reminded(),
                s.thread(), s.discreet(), 0, s.dangerSaid(), s.dangerToldAt()), s.atNode("story"));
    }

    @Test
    void shouldResetTheReminderWhenAnInputIsMarked() {
        SessionState s = FULL;
        assertEquals(state(s.flowId(), s.revision(), s.language(), s.nodeId(), s.status(), s.retries(), s.answers(),
                s.draft(), s.returnToSummary(), s.pending(), s.referenceCode(), LATER, false,
                s.thread(), s.discreet(), s.laterHolds(), s.dangerSaid(), s.dangerToldAt()), s.withInputAt(LATER));
    }

    @Test
    void shouldKeepOnlyWhatStatusLanguageAndDiscreetModeNeedWhenErased() {
        SessionState s = FULL;
        assertEquals(state(s.flowId(), s.revision(), s.language(), null, SessionStatus.DELETED, 0, Map.of(),
                Draft.EMPTY, null, PendingPrompt.NONE, s.referenceCode(), s.lastInputAt(), false,
                null, s.discreet(), 0, false, null), s.erased());
    }

    @Test
    void shouldKeepTheAnswersInTheirOrderWhenOneIsAdded() {
        SessionState s = FULL.withAnswer("name", Answer.text("x")).withAnswer("age", Answer.text("20"));
        assertEquals(List.of("consent", "name", "age"), List.copyOf(s.answers().keySet()));
    }

    private static SessionState state(String flowId, String revision, String language, String nodeId,
            SessionStatus status, int retries, Map<String, Answer> answers, Draft draft, String returnToSummary,
            PendingPrompt pending, String referenceCode, Instant lastInputAt, boolean reminded, CaseThread thread,
            boolean discreet, int laterHolds, boolean dangerSaid, Instant dangerToldAt) {
        return new SessionState(flowId, revision, language, nodeId, status, retries, answers, draft, returnToSummary,
                pending, referenceCode, lastInputAt, reminded, thread, discreet, laterHolds, dangerSaid, dangerToldAt);
    }
}
