package id.ruangaman.intake;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;

import id.ruangaman.transcript.Contact;
import id.ruangaman.conversation.Answer;
import id.ruangaman.conversation.Flow;
import id.ruangaman.conversation.Output;
import id.ruangaman.conversation.SessionState;
import id.ruangaman.conversation.SessionStateJson;

/** Turns a confirmed conversation into a structured intake with its 72-hour first-response deadline. */
@ApplicationScoped
class IntakeService {

    private static final Logger LOG = Logger.getLogger(IntakeService.class);
    public static final String STATUS_NEW = "new";

    private final IntakeRepository intakes;
    private final ConversationConfig config;
    private final Clock clock;
    private final Event<IntakeReceived> received;
    private final Event<CaseMarkedInDanger> markedInDanger;

    IntakeService(IntakeRepository intakes, ConversationConfig config, Clock clock, Event<IntakeReceived> received,
            Event<CaseMarkedInDanger> markedInDanger) {
        this.intakes = intakes;
        this.config = config;
        this.clock = clock;
        this.received = received;
        this.markedInDanger = markedInDanger;
    }

    /**
     * Creates the case a confirmed summary submits. Must run in the transaction of the conversation step that produced
     * the event. The event's reference code is always a new one: the engine draws it at the confirmation and takes it
     * only when no session or intake holds it and no earlier step of the same transaction drew it
     * ({@link SessionRepository#referenceCodeFree}); the unique constraint on {@code intake.reference_code} backs that
     * up. So nothing is looked up here, and the step sends no query that would make Hibernate flush the round's other
     * steps' writes one by one (issue 16): the case is written at the commit with the rest.
     */
    /**
     * Danger now written in case {@code intakeId}'s thread after the report ({@link Output.DangerReported} of a thread
     * step): the case is in danger, as a report whose danger question was answered yes, and {@code at} is kept as when
     * it was last said (the case page shows it; the case list puts cases in danger first). A case erased by the
     * reporter is left as it is (its shell keeps nothing of the reporter). A case marked fires {@link CaseMarkedInDanger},
     * so the inbox tells the team even where its list does not show the case.
     */
    public void markInDanger(long intakeId, Instant at) {
        if (intakes.update("inDanger = true, dangerSaidAt = ?1 where id = ?2 and deletedByReporterAt is null", at, intakeId) > 0) {
            markedInDanger.fire(new CaseMarkedInDanger(intakeId));
        }
    }

    public Intake submit(Contact contact, Flow flow, SessionState state, Output.IntakeSubmitted event) {
        Map<String, Answer> answers = event.answers();
        Instant now = Instant.now(clock);
        Intake intake = new Intake();
        intake.referenceCode = event.referenceCode();
        intake.contactId = contact.id;
        intake.channel = contact.channel;
        intake.flowId = flow.id();
        intake.flowRevision = flow.revision();
        intake.language = state.language();
        intake.reporterRole = valueOf(answers.get("reporter_role"));
        intake.victimMinor = valueOf(answers.get("victim_minor"));
        // In danger: the danger question's yes, or danger now said at another question ("dia di depan pintu" at consent)
        intake.inDanger = "yes".equals(valueOf(answers.get("in_danger"))) || event.flags().contains(SessionState.DANGER_SAID);
        // kept apart from danger written in the thread later (markInDanger), which sets inDanger but never this
        intake.inDangerAtReport = intake.inDanger;
        Answer services = answers.get("services");
        intake.services = services == null ? null : services.values().stream().collect(Collectors.joining(","));
        Answer violence = answers.get("violence_type");
        intake.violenceTypes = violence == null || violence.skipped() || violence.values().isEmpty() ? null
                : String.join(",", violence.values());
        intake.urgentMedical = event.flags().contains("urgent_medical");
        intake.victimChild = victimIsChild(answers);
        intake.childOnline = event.flags().contains("child_online");
        intake.statsConsent = "yes".equals(valueOf(answers.get("stats_consent")));
        intake.status = STATUS_NEW;
        intake.receivedAt = now;
        intake.firstResponseDueAt = now.plus(config.firstResponseWithin());
        intake.answers = IntakeRecord.write(answers);
        // The report takes over the conversation's lines by its number (ChatMessage.intakeId), so none is rewritten;
        // the person's next lines start the next conversation.
        intake.conversation = contact.conversation;
        contact.conversation++;
        intakes.persist(intake);
        received.fire(new IntakeReceived(intake.id, intake.referenceCode));
        if (intake.inDanger) {
            markedInDanger.fire(new CaseMarkedInDanger(intake.id));
        }
        LOG.infof("Intake %d received on %s (%d answers)", intake.id, intake.channel, answers.size());
        return intake;
    }

    /**
     * Whether the victim is a child (under 18), from the answers: {@code victim_minor} yes (asked of the victim, or of
     * a witness or helper about the person it happened to), or a victim reporting for themselves whose
     * {@code age_range} is {@code under_18} (the age question asks the reporter's own age, so a witness's or a
     * helper's age says nothing about the victim's).
     */
    static boolean victimIsChild(Map<String, Answer> answers) {
        return "yes".equals(valueOf(answers.get("victim_minor")))
                || "victim".equals(valueOf(answers.get("reporter_role"))) && "under_18".equals(valueOf(answers.get("age_range")));
    }

    private static String valueOf(Answer answer) {
        return answer == null || answer.skipped() ? null : answer.value();
    }

}
