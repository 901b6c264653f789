package id.ruangaman.casework;

import java.util.List;

import io.quarkus.qute.TemplateExtension;

/** The casework vocabularies for templates ({@code sopv:conditions} ...); shown through {@code sop:} labels. */
@TemplateExtension(namespace = "sopv")
class SopVocabularyExtension {

    /** The six parts of the verified report ({@code VerificationComponent.ALL}), for the findings form. */
    static List<String> components() {
        return id.ruangaman.inbox.VerificationComponent.ALL;
    }

    static List<String> conditions() {
        return Vocabulary.CONDITIONS;
    }

    static List<String> emergency() {
        return Vocabulary.EMERGENCY_SERVICES;
    }

    static List<String> risks() {
        return Vocabulary.RISK_LEVELS;
    }

    static List<String> choices() {
        return Vocabulary.VICTIM_CHOICES;
    }

    static List<String> presentParties() {
        return Vocabulary.PRESENT_PARTIES;
    }

    static List<String> accompaniment() {
        return Vocabulary.ACCOMPANIMENT;
    }

    static List<String> partyRoles() {
        return Vocabulary.PARTY_ROLES;
    }

    static List<String> campus() {
        return Vocabulary.CAMPUS_STATUSES;
    }

    static List<String> channels() {
        return Vocabulary.INTERVIEW_CHANNELS;
    }

    static List<String> outcomes() {
        return Vocabulary.OUTCOMES;
    }

    static List<String> tiers() {
        return Vocabulary.TIERS;
    }

    static List<String> aggravating() {
        return Vocabulary.AGGRAVATING;
    }

    static List<String> states() {
        return Vocabulary.EXECUTION_STATES;
    }

    static List<String> consentBy() {
        return Vocabulary.CONSENT_BY;
    }

    static List<String> victimStatuses() {
        return Vocabulary.VICTIM_STATUSES;
    }

    static List<String> recoveryEndReasons() {
        return Vocabulary.RECOVERY_END_REASONS;
    }

    static List<String> checkinWith() {
        return Vocabulary.CHECKIN_WITH;
    }

    static List<String> periods() {
        return List.of("month", "semester", "year");
    }
}
