package id.ruangaman.testing;

import java.time.Instant;

import id.ruangaman.intake.AnswerCorrection;

/** A survivor's correction of a report's answer as a row, for tests whose chat lines have no platform ids to edit. */
public final class AnswerCorrections {

    private AnswerCorrections() {
    }

    /** A correction, now, of the whole story ({@code chronology}, one part) to {@code words}, made by the line {@code messageId}. */
    public static AnswerCorrection ofStory(long intakeId, long messageId, String words) {
        AnswerCorrection correction = new AnswerCorrection();
        correction.intakeId = intakeId;
        correction.answerKey = "chronology";
        correction.answerPart = 0;
        correction.answerParts = 1;
        correction.body = words;
        correction.createdAt = Instant.now();
        correction.messageId = messageId;
        return correction;
    }
}
