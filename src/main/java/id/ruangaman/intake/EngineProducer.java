package id.ruangaman.intake;

import id.ruangaman.texts.ConversationFolder;

import java.security.SecureRandom;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import id.ruangaman.conversation.CaseStatusLookup;
import id.ruangaman.conversation.AnswerWords;
import id.ruangaman.conversation.EngineSettings;
import id.ruangaman.texts.Notices;
import id.ruangaman.conversation.FlowEngine;
import id.ruangaman.conversation.IdGenerator;
import id.ruangaman.conversation.RandomReferenceCodes;

/** Wires the plain-Java conversation engine to configuration, the clock and the database. */
@Singleton
class EngineProducer {

    @Produces
    @Singleton
    FlowEngine engine(ConversationConfig config, Clock clock, IdGenerator ids, CaseStatusLookup cases, Notices notices, AnswerWords words) {
        EngineSettings settings = new EngineSettings(config.maxRetries(), config.remindAfter(), config.pauseAfter(), config.zone(),
                config.threadQuietPeriod(), words);
        return new FlowEngine(settings, clock, ids, cases, notices::shared);
    }

    /** The typed yes/no words of {@code conversations/_answer_words.yaml}, for the engine and for questions asked outside the flow. */
    @Produces
    @Singleton
    AnswerWords answerWords(ConversationFolder folder) {
        return AnswerWordsFile.read(folder.folder());
    }

    /** Reference codes that are unique across sessions and intakes (the column constraints back this up). */
    @Produces
    @Singleton
    IdGenerator referenceCodes(SessionRepository sessions) {
        IdGenerator random = new RandomReferenceCodes(new SecureRandom());
        return () -> {
            for (int attempt = 0; attempt < 20; attempt++) {
                String code = random.referenceCode();
                if (sessions.referenceCodeFree(code)) {
                    return code;
                }
            }
            throw new IllegalStateException("No free reference code after 20 attempts");
        };
    }

    @Produces
    @Singleton
    CaseStatusLookup caseStatus(IntakeRepository intakes) {
        return new CaseStatusLookup() {
            @Override
            public Optional<String> statusOf(String code) {
                return code == null ? Optional.empty() : intakes.findByReferenceCode(code)
                        .map(intake -> survivorStatus(intake.status, intake.firstResponseAt != null));
            }

            @Override
            public List<String> openReportsOf(String code) {
                return code == null ? List.of() : intakes.openReportsOfSameReporter(code);
            }
        };
    }

    /**
     * The examination stages (in_examination, concluded, decided) are shown to the person as "being handled by a
     * counsellor": the chat stays discreet and never hints at a conclusion before the team talks with them. So is a new
     * case once a counsellor has written in its thread (walkthrough 9, finding 4): the person has just read the
     * counsellor's message, so "waiting for a counsellor" would be untrue, whatever the SOP stage.
     */
    static String survivorStatus(String status, boolean counsellorReplied) {
        return switch (status) {
            case "in_examination", "concluded", "decided" -> "in_verification";
            case "new" -> counsellorReplied ? "in_verification" : status;
            default -> status;
        };
    }
}
