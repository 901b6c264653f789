package id.ruangaman.casework;

import id.ruangaman.web.Refused;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import id.ruangaman.audit.AuditAction;
import id.ruangaman.audit.AuditLog;
import id.ruangaman.inbox.CaseAccess;
import id.ruangaman.inbox.CaseFile;
import id.ruangaman.inbox.CaseStatus;
import id.ruangaman.inbox.InboxConfig;
import id.ruangaman.inbox.VerificationComponent;
import id.ruangaman.inbox.VerificationFinding;
import id.ruangaman.referral.ProviderRepository;
import id.ruangaman.security.Account;
import id.ruangaman.security.AccountRepository;
import id.ruangaman.security.CurrentAccount;
import id.ruangaman.security.Role;

/**
 * What the task force records after verification, one SOP stage at a time. Every method opens the case through
 * {@link CaseAccess} (404, 403 audited, conflict of interest refused and audited), refuses what the SOP does not allow
 * yet ({@link FormRefused}, 409) or a missing required part (400), and audits the change with codes only.
 */
@ApplicationScoped
class CaseworkService {

    private static final java.util.regex.Pattern LINE_BREAKS = java.util.regex.Pattern.compile("[\\t\\r\\n]+");
    private static final java.util.regex.Pattern EVIDENCE_TYPE = java.util.regex.Pattern.compile("(image/(png|jpeg|webp)|audio/(mpeg|ogg|mp4|wav)|video/(mp4|webm)|application/pdf)");

    static final int MAX_TEXT = 8000;
    static final int MAX_SHORT = 200;

    private final CaseAccess access;
    private final CaseworkRepository repo;
    private final AccountRepository accounts;
    private final ProviderRepository providers;
    private final AuditLog audit;
    private final InboxConfig config;
    private final Clock clock;

    private final DateRules dates;
    private final SopStepGuards guards;

    CaseworkService(CaseAccess access, CaseworkRepository repo, AccountRepository accounts, ProviderRepository providers,
            AuditLog audit, InboxConfig config, Clock clock, DateRules dates, SopStepGuards guards) {
        this.guards = guards;
        this.dates = dates;
        this.access = access;
        this.repo = repo;
        this.accounts = accounts;
        this.providers = providers;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
    }

    /** The case, for a casework page: access-checked, audited as a view. */
    @Transactional
    public CaseFile open(String ref, CurrentAccount who) {
        CaseFile file = access.open(ref, who);
        audit.record(who.getUsername(), AuditAction.CASE_VIEW, file.id, "casework");
        return file;
    }

    /**
     * Runs {@code save} (one of this service's form saves) in the same transaction as the check that the one-record form
     * {@code form} ({@code assessment}, {@code findings}, {@code conclusion}, {@code recommendation}, {@code execution},
     * {@code certificate}, {@code recovery}) is still the version {@code seen} the page showed ({@link FormVersions}). Saved since, from
     * another tab or by another account: 409 {@code changed_since_opened}, nothing saved, so no one's work is silently
     * overwritten. {@code seen} null or blank (a post without the field), or another form: not compared. The case's row
     * is locked first ({@link CaseworkRepository#lockCase}), so two saves sent at the same moment cannot both pass the
     * check: the later one waits for the earlier one's commit and is then compared with it.
     */
    @Transactional
    public void saveUnchanged(String ref, String form, String seen, CurrentAccount who, Runnable save) {
        boolean compared = seen != null && !seen.isBlank();
        CaseFile file = compared ? writable(ref, who) : access.open(ref, who); // the save checks the rest itself
        repo.lockCase(file.id); // the check and the write as one: a save at the same moment waits, then sees this one
        if (compared) {
            String now = version(file.id, form);
            if (now != null && !now.equals(seen.strip())) {
                throw FormRefused.notReady("changed_since_opened");
            }
        }
        save.run();
    }

    /** The stored version of a one-record form of the case ({@link FormVersions}); null for another form. */
    private String version(long caseId, String form) {
        return switch (form) {
            case "assessment" -> FormVersions.of(repo.one(Assessment.class, caseId).map(a -> a.recordedAt).orElse(null));
            case "findings" -> FormVersions.ofFindings(repo.findings(caseId));
            case "conclusion" -> FormVersions.of(repo.one(Conclusion.class, caseId).map(c -> c.recordedAt).orElse(null));
            case "recommendation" -> FormVersions.of(repo.one(Recommendation.class, caseId).map(r -> r.recordedAt).orElse(null));
            case "execution" -> FormVersions.ofExecution(repo.one(SanctionExecution.class, caseId).orElse(null));
            case "certificate" -> FormVersions.ofCertificate(repo.one(SanctionExecution.class, caseId).orElse(null));
            case "recovery" -> FormVersions.of(repo.one(RecoveryPlan.class, caseId).map(p -> p.recordedAt).orElse(null));
            default -> null;
        };
    }

    // --- verification: assessment awal -------------------------------------------------------------------------

    @Transactional
    public void saveAssessment(String ref, String condition, List<String> emergency, String riskLevel, String notes, String risks,
            String mitigation, CurrentAccount who) {
        CaseFile file = writable(ref, who);
        Assessment a = repo.one(Assessment.class, file.id).orElseGet(Assessment::new);
        a.condition = code(condition, Vocabulary.CONDITIONS, "condition");
        a.emergencyServices = codes(emergency, Vocabulary.EMERGENCY_SERVICES, "emergency_services");
        a.riskLevel = code(riskLevel, Vocabulary.RISK_LEVELS, "risk_level");
        a.conditionNotes = optional(notes);
        a.risks = required(risks, "risks");
        a.mitigation = required(mitigation, "mitigation");
        a.recordedById = who.id();
        a.recordedName = people.writtenOf(who.id());
        a.recordedBy = null; // an upsert: the username fallback was only for a row converted without an account
        a.recordedAt = now();
        if (a.intakeId == null) {
            a.intakeId = file.id;
            repo.persist(a);
        }
        audit.record(who.getUsername(), AuditAction.ASSESSMENT, file.id, "risk:" + a.riskLevel);
    }

    /**
     * What the verification of each part of the verified report found (SOP Pemeriksaan/Verifikasi, components 1-6):
     * {@code notes} maps a component to its note; {@code examined} is part 3's documents/evidence examined. A blank
     * value clears that part. Once verification has started (409 {@code not_in_verification} before); 400
     * {@code finding_empty} when nothing is written and nothing was; audited with the parts changed (codes only).
     */
    @Transactional
    public void saveFindings(String ref, Map<String, String> notes, String examined, CurrentAccount who) {
        CaseFile file = writable(ref, who);
        guards.requireOpen(file, "findings");
        List<String> changed = new ArrayList<>();
        boolean anyWritten = false;
        for (String component : VerificationComponent.ALL) {
            String note = optional(notes.get(component));
            String what = VerificationFinding.EVIDENCE.equals(component) ? optional(examined) : null;
            anyWritten |= note != null || what != null;
            VerificationFinding f = repo.finding(file.id, component);
            if (f == null && note == null && what == null) {
                continue;
            }
            if (f != null && Objects.equals(f.note, note) && Objects.equals(f.examined, what)) {
                continue;
            }
            if (what == null && f != null && f.examined != null && repo.isTicked(file.id, component)) {
                // part 3 was ticked because these documents were examined: untick it before clearing them
                throw FormRefused.invalid("evidence_examined_ticked");
            }
            changed.add("component:" + component);
            if (note == null && what == null) {
                repo.remove(f);
                continue;
            }
            boolean fresh = f == null;
            if (fresh) {
                f = new VerificationFinding();
                f.intakeId = file.id;
                f.component = component;
            }
            f.note = note;
            f.examined = what;
            f.recordedById = who.id();
            f.recordedName = people.writtenOf(who.id());
            f.recordedBy = null; // an upsert: the username fallback was only for a row converted without an account
            f.recordedAt = now();
            if (fresh) {
                repo.persist(f);
            }
        }
        if (!anyWritten && changed.isEmpty()) {
            throw FormRefused.invalid("finding_empty");
        }
        if (!changed.isEmpty()) {
            audit.record(who.getUsername(), AuditAction.CHECK, file.id, String.join(" ", changed));
        }
    }

    // --- after verification: rapat terbatas, surat tugas ------------------------------------------------------

    /**
     * Records a rapat terbatas (SOP Pemeriksaan/Verifikasi 5): {@code heldOn} (yyyy-MM-dd, not in the future nor before the
     * report), the attending accounts (case workers; each kept with its name and role then), who of the case attended
     * ({@link Vocabulary#PRESENT_PARTIES}), the alternatives discussed and the procedure and consequences explained (both
     * required, encrypted), the accompaniment agreed ({@link Vocabulary#ACCOMPANIMENT}, none allowed), the path the victim
     * chose, who consented to it ({@link Vocabulary#CONSENT_BY}) and notes. A path that acts on the victim's behalf (the
     * examination, accompaniment: {@link Vocabulary#CHOICES_NEEDING_CONSENT}) without consent is refused (400
     * {@code meeting_consent_missing}), as is a consent with no path chosen yet ({@code meeting_consent_undecided}).
     * Audited with codes only ({@code choice:<path>}, {@code by:<who consented>}).
     */
    @Transactional
    public void recordMeeting(String ref, MeetingForm form, CurrentAccount who) {
        CaseFile file = writable(ref, who);
        guards.requireOpen(file, "meeting");
        LimitedMeeting m = new LimitedMeeting();
        m.intakeId = file.id;
        m.heldOn = dates.notBeforeReceipt(dates.happened(date(form.heldOn(), "held_on")), file);
        m.attendeeAccountIds = accountIds(form.attendees(), "attendees");
        m.attendeeNames = people.writtenOfAccounts(m.attendeeAccountIds);
        m.attendeeRoles = java.util.Arrays.stream(m.attendeeAccountIds.split(",")).map(Long::valueOf).map(people::roleOf)
                .map(r -> r == null ? "" : r).collect(Collectors.joining(","));
        m.presentParties = codes(form.presentParties(), Vocabulary.PRESENT_PARTIES, "present_parties");
        m.optionsExplained = required(form.alternatives(), "options_explained");
        m.procedureConsequences = required(form.procedure(), "procedure_consequences");
        m.accompanimentAgreed = codes(form.accompaniment(), Vocabulary.ACCOMPANIMENT, "accompaniment_agreed");
        m.victimChoice = code(form.choice(), Vocabulary.VICTIM_CHOICES, "victim_choice");
        String consent = form.consentBy() == null || form.consentBy().isBlank() ? null
                : code(form.consentBy(), Vocabulary.CONSENT_BY, "meeting_consent");
        if (consent == null && Vocabulary.CHOICES_NEEDING_CONSENT.contains(m.victimChoice)) {
            throw FormRefused.invalid("meeting_consent_missing");
        }
        if (consent != null && "undecided".equals(m.victimChoice)) {
            throw FormRefused.invalid("meeting_consent_undecided");
        }
        m.consentBy = consent;
        m.choiceNotes = optional(form.notes());
        m.recordedById = who.id();
        m.recordedAt = now();
        repo.persist(m);
        audit.record(who.getUsername(), AuditAction.MEETING, file.id, "choice:" + m.victimChoice + (consent == null ? "" : " by:" + consent));
    }

    /** What the rapat terbatas form sends ({@link #recordMeeting}); list fields may be null when nothing is ticked. */
    record MeetingForm(String heldOn, List<String> attendees, List<String> presentParties, String alternatives, String procedure,
            List<String> accompaniment, String choice, String consentBy, String notes) {
    }

    @Transactional
    public void saveAssignmentLetter(String ref, String number, String issuedOn, String signatoryName, String signatoryTitle,
            List<String> teamIds, CurrentAccount who) {
        CaseFile file = writable(ref, who);
        guards.requireOpen(file, "letter");
        AssignmentLetter l = repo.one(AssignmentLetter.class, file.id).orElseGet(AssignmentLetter::new);
        l.letterNumber = shortText(number, "letter_number");
        l.issuedOn = dates.notBeforeReceipt(dates.happened(date(issuedOn, "issued_on")), file);
        List<LimitedMeeting> meetings = repo.meetings(file.id);
        DateRules.notBefore(l.issuedOn, meetings.stream().filter(m -> "examination".equals(m.victimChoice)).map(m -> m.heldOn)
                .reduce((a, b) -> b).orElse(null), "meeting");
        l.signatoryName = shortText(signatoryName, "signatory_name");
        l.signatoryTitle = shortText(signatoryTitle, "signatory_title");
        l.teamAccountIds = accountIds(teamIds, "team");
        l.teamAsIssued = java.util.Arrays.stream(l.teamAccountIds.split(",")).map(Long::valueOf)
                .map(id -> { String role = people.roleOf(id); String name = people.writtenOf(id);
                    return id + "\t" + (role == null ? "" : role) + "\t" + (name == null ? "" : LINE_BREAKS.matcher(name).replaceAll(" ")); })
                .collect(Collectors.joining("\n"));
        l.recordedById = who.id();
        l.recordedBy = null; // an upsert: the username fallback was only for a row converted without an account
        l.recordedAt = now();
        if (l.intakeId == null) {
            l.intakeId = file.id;
            repo.persist(l);
        }
        audit.record(who.getUsername(), AuditAction.ASSIGNMENT_LETTER, file.id, null);
    }

    // --- examination: parties and interviews -------------------------------------------------------------------

    /**
     * Adds a party. When the party is a task-force member with an account ({@code accountId}), that account is marked
     * conflicted for the case at once, so it can no longer open it.
     */
    @Transactional
    public Party addParty(String ref, String role, String name, String campusStatus, String accountId, CurrentAccount who) {
        CaseFile file = writable(ref, who);
        Party p = new Party();
        p.intakeId = file.id;
        p.role = code(role, Vocabulary.PARTY_ROLES, "party_role");
        p.name = shortText(name, "party_name");
        p.campusStatus = code(campusStatus, Vocabulary.CAMPUS_STATUSES, "campus_status");
        if (accountId != null && !accountId.isBlank()) {
            Account account = accounts.findById(parseId(accountId, "party_account"));
            if (account == null) {
                throw FormRefused.invalid("party_account");
            }
            p.accountId = account.id;
        }
        p.createdById = who.id();
        p.createdAt = now();
        repo.persist(p);
        audit.record(who.getUsername(), AuditAction.PARTY, file.id, "add role:" + p.role);
        if (p.accountId != null && repo.markConflict(file.id, p.accountId, "party", who.id(), p.createdAt)) {
            audit.record(who.getUsername(), AuditAction.CONFLICT_MARK, file.id, "account:" + p.accountId + " source:party");
        }
        return p;
    }

    /**
     * Corrects a party added with a typo: its role, name or alias, and campus status, checked as when it was added (400,
     * {@link FormRefused}: {@code party_role}, {@code party_name}, {@code campus_status}; {@code party} for a party not
     * of this case). The task-force account it names, if any, stays, with its conflict mark. The name stays encrypted. A
     * corrected name replaces the summons in force of the party's examinations not held yet ({@link SummonsNumbers#replace}:
     * the next print is a new letter with a new number); minutes already recorded keep the party as they recorded it.
     * Audited ({@code party}: {@code edit party:<id> role:<role>}, never the name).
     */
    @Transactional
    public void editParty(String ref, long partyId, String role, String name, String campusStatus, CurrentAccount who) {
        CaseFile file = writable(ref, who);
        Party p = party(file, String.valueOf(partyId));
        String newRole = code(role, Vocabulary.PARTY_ROLES, "party_role");
        String newName = shortText(name, "party_name");
        String newStatus = code(campusStatus, Vocabulary.CAMPUS_STATUSES, "campus_status");
        boolean renamed = !newName.equals(p.name);
        p.role = newRole;
        p.name = newName;
        p.campusStatus = newStatus;
        // a summons names the party: one numbered under the old name no longer says who is summoned, so its next print is
        // a new letter (the old one stays, replaced), as after a rescheduling
        boolean replaced = false;
        if (renamed) {
            for (Interview i : repo.interviews(file.id)) {
                if (p.id.equals(i.partyId) && (i.summary == null || i.summary.isBlank())) {
                    replaced |= summonsNumbers.replace(i.id, now());
                }
            }
        }
        audit.record(who.getUsername(), AuditAction.PARTY, file.id, "edit party:" + p.id + " role:" + p.role
                + (replaced ? " summons_replaced" : ""));
    }

    /**
     * Removes a party added by mistake, while nothing depends on it. An examination of the party depends on it: with its
     * minutes (berita acara) it is refused with {@code party_has_minutes}, scheduled without them with
     * {@code party_has_examination} (a summons, printed for an examination, names it too); both 409. The conflict-of-interest
     * mark its task-force account brought ({@code source party}) goes with it, unless another party of the case names the
     * same account; a mark a coordinator set stays. Audited ({@code party}: {@code remove party:<id> role:<role>}, never the
     * name; the mark's removal as {@code conflict_mark}: {@code remove account:<id> source:party}).
     */
    @Transactional
    public void removeParty(String ref, long partyId, CurrentAccount who) {
        CaseFile file = writable(ref, who);
        Party p = party(file, String.valueOf(partyId));
        List<Interview> examinations = repo.interviews(file.id).stream().filter(i -> p.id.equals(i.partyId)).toList();
        if (examinations.stream().anyMatch(i -> i.summary != null && !i.summary.isBlank())) {
            throw FormRefused.notReady("party_has_minutes");
        }
        if (!examinations.isEmpty()) {
            throw FormRefused.notReady("party_has_examination");
        }
        repo.remove(p);
        audit.record(who.getUsername(), AuditAction.PARTY, file.id, "remove party:" + p.id + " role:" + p.role);
        if (p.accountId != null && repo.parties(file.id).stream().noneMatch(o -> !o.id.equals(p.id) && p.accountId.equals(o.accountId))
                && repo.unmarkPartyConflict(file.id, p.accountId)) {
            audit.record(who.getUsername(), AuditAction.CONFLICT_MARK, file.id, "remove account:" + p.accountId + " source:party");
        }
    }

    /** Schedules or records an interview of one party; the summary (the minutes) may come later. */
    @Transactional
    public Interview addInterview(String ref, String partyId, String heldAt, String channel, String place, String attendees,
            String summary, boolean consent, CurrentAccount who) {
        CaseFile file = writable(ref, who);
        guards.requireOpen(file, "interview");
        Party party = party(file, partyId);
        Interview i = new Interview();
        i.intakeId = file.id;
        i.partyId = party.id;
        i.heldAt = dateTime(heldAt, "held_at");
        dates.notBeforeReceipt(i.heldAt, file);
        DateRules.notBefore(dates.dayOf(i.heldAt), repo.one(AssignmentLetter.class, file.id).map(l -> l.issuedOn).orElse(null), "letter");
        if (summary != null && !summary.isBlank()) {
            dates.minutesAllowed(i);
            keepPartyAsMinuted(i, party);
        }
        i.channel = code(channel, Vocabulary.INTERVIEW_CHANNELS, "channel");
        i.place = shortText(place, "place");
        i.attendees = longText(attendees, "interview_attendees");
        i.summary = optional(summary);
        i.createdById = who.id();
        i.createdAt = now();
        if (consent) {
            recordConsent(i, who);
        }
        repo.persist(i);
        audit.record(who.getUsername(), AuditAction.INTERVIEW, file.id, "add party:" + party.id + (consent ? " consent" : ""));
        return i;
    }

    /**
     * Reschedules an examination not held yet (no minutes): its day and time ({@code heldAt}, yyyy-MM-ddTHH:mm in the task
     * force's zone), channel and place, checked as when it was scheduled. The summons already numbered for it no longer
     * says when or where: it is marked replaced, kept on record, and the next print is a new letter with a new number
     * ({@link SummonsNumbers#replace}). Refused: minutes recorded ({@code reschedule_after_minutes}, 409), nothing changed
     * ({@code reschedule_unchanged}, 400), and the checks of {@link #addInterview}. Audited ({@code interview}:
     * {@code reschedule interview:<id>}, plus {@code summons_replaced} when a summons was replaced).
     */
    @Transactional
    public void rescheduleInterview(String ref, long interviewId, String heldAt, String channel, String place, CurrentAccount who) {
        CaseFile file = writable(ref, who);
        guards.requireOpen(file, "interview");
        Interview i = interview(file, interviewId);
        if (i.summary != null && !i.summary.isBlank()) {
            throw FormRefused.notReady("reschedule_after_minutes");
        }
        Instant when = dateTime(heldAt, "held_at");
        dates.notBeforeReceipt(when, file);
        DateRules.notBefore(dates.dayOf(when), repo.one(AssignmentLetter.class, file.id).map(l -> l.issuedOn).orElse(null), "letter");
        String how = code(channel, Vocabulary.INTERVIEW_CHANNELS, "channel");
        String where = shortText(place, "place");
        if (when.equals(i.heldAt) && how.equals(i.channel) && where.equals(i.place)) {
            throw FormRefused.invalid("reschedule_unchanged");
        }
        i.heldAt = when;
        i.channel = how;
        i.place = where;
        boolean replaced = summonsNumbers.replace(i.id, now());
        audit.record(who.getUsername(), AuditAction.INTERVIEW, file.id, "reschedule interview:" + i.id + (replaced ? " summons_replaced" : ""));
    }

    @jakarta.inject.Inject
    SummonsNumbers summonsNumbers;

    @jakarta.inject.Inject
    id.ruangaman.security.People people;

    /** Keeps the examined party as the minutes record it ({@link Interview#minutesPartyName}): what their reprint says. */
    private static void keepPartyAsMinuted(Interview i, Party party) {
        i.minutesPartyRole = party.role;
        i.minutesPartyName = party.name;
        i.minutesPartyStatus = party.campusStatus;
    }

    /** Records the minutes of an interview and, when given, the interviewee's consent to a recording or photo. */
    @Transactional
    public void recordInterview(String ref, long interviewId, String summary, boolean consent, CurrentAccount who) {
        CaseFile file = writable(ref, who);
        guards.requireOpen(file, "minutes");
        Interview i = interview(file, interviewId);
        i.summary = required(summary, "summary");
        dates.minutesAllowed(i);
        keepPartyAsMinuted(i, party(file, String.valueOf(i.partyId)));
        if (consent && !i.recordingConsent) {
            recordConsent(i, who);
        }
        audit.record(who.getUsername(), AuditAction.INTERVIEW, file.id, "minutes interview:" + i.id + (consent ? " consent" : ""));
    }

    /**
     * Keeps a recording or photo of an interview, only when the interviewee's consent is on record (409 otherwise);
     * 400 for no file, a type not accepted, or content that is not of its declared type ({@link FileSignature}).
     */
    @Transactional
    public void attach(String ref, long interviewId, byte[] content, String type, CurrentAccount who) {
        CaseFile file = writable(ref, who);
        Interview i = interview(file, interviewId);
        if (!i.recordingConsent) {
            audit.recordRefusal(who.getUsername(), AuditAction.INTERVIEW, file.id, "attachment refused:no_consent interview:" + i.id);
            throw FormRefused.notReady("no_recording_consent");
        }
        if (content == null || content.length == 0) {
            throw FormRefused.invalid("attachment");
        }
        String mime = type == null ? "" : type.trim().toLowerCase();
        if (!EVIDENCE_TYPE.matcher(mime).matches()) {
            throw FormRefused.invalid("attachment_type");
        }
        if (!FileSignature.matches(mime, content)) {
            throw FormRefused.invalid("attachment_content");
        }
        i.attachment = content;
        i.attachmentType = mime;
        audit.record(who.getUsername(), AuditAction.INTERVIEW, file.id, "attachment interview:" + i.id);
    }

    /** The attachment of an interview, audited. */
    @Transactional
    public Interview attachment(String ref, long interviewId, CurrentAccount who) {
        CaseFile file = access.open(ref, who);
        Interview i = interview(file, interviewId);
        byte[] content = i.attachment;
        if (content == null) {
            throw Refused.notFound("no attachment");
        }
        audit.record(who.getUsername(), AuditAction.ATTACHMENT_VIEW, file.id, "interview:" + i.id);
        return i;
    }

    // --- conclusion and recommendation -------------------------------------------------------------------------

    /**
     * The conclusion; every part the SOP requires for the outcome must be there (400 names the first missing one). A
     * changed outcome (terbukti into tidak terbukti, or back) removes the recommendation made for the old one: a proven
     * case's sanction, or a not proven case's restoring of the good name (Penyusunan Kesimpulan 4-8), must not stay on
     * the page and in the report of the conclusion as if it were current. The case cannot be concluded until a
     * recommendation for the new outcome is saved; the audit log keeps the old one's record and says it was removed
     * ({@code recommendation_cleared}).
     */
    @Transactional
    public void saveConclusion(String ref, String outcome, String identity, String violence, String accompaniment, String protection,
            String summary, String statement, CurrentAccount who) {
        CaseFile file = writable(ref, who);
        guards.requireOpen(file, "conclusion");
        Conclusion c = repo.one(Conclusion.class, file.id).orElseGet(Conclusion::new);
        String before = c.outcome;
        c.outcome = code(outcome, Vocabulary.OUTCOMES, "outcome");
        c.partyIdentity = required(identity, "party_identity");
        c.violenceForm = required(violence, "violence_form");
        if ("proven".equals(c.outcome)) {
            c.accompaniment = required(accompaniment, "accompaniment");
            c.protection = required(protection, "protection");
            c.examinationSummary = optional(summary);
            c.notProvenStatement = null;
        } else {
            c.examinationSummary = required(summary, "examination_summary");
            c.notProvenStatement = required(statement, "not_proven_statement");
            c.accompaniment = optional(accompaniment);
            c.protection = optional(protection);
        }
        c.recordedById = who.id();
        c.recordedBy = null; // an upsert: the username fallback was only for a row converted without an account
        c.recordedAt = now();
        if (c.intakeId == null) {
            c.intakeId = file.id;
            repo.persist(c);
        }
        boolean cleared = before != null && !before.equals(c.outcome) && repo.one(Recommendation.class, file.id).map(r -> {
            repo.remove(r);
            return true;
        }).orElse(false);
        audit.record(who.getUsername(), AuditAction.CONCLUSION, file.id, "outcome:" + c.outcome + (cleared ? " recommendation_cleared" : ""));
    }

    @Transactional
    public void saveRecommendation(String ref, String recovery, String measure, String sanctionDetails, String prevention,
            String goodName, List<String> aggravating, CurrentAccount who) {
        CaseFile file = writable(ref, who);
        guards.requireOpen(file, "recommendation");
        Conclusion c = repo.one(Conclusion.class, file.id).orElseThrow(() -> FormRefused.notReady("conclusion_first"));
        Recommendation r = repo.one(Recommendation.class, file.id).orElseGet(Recommendation::new);
        if ("proven".equals(c.outcome)) {
            r.recovery = required(recovery, "recovery");
            r.sanctionMeasure = code(measure, Vocabulary.ALL_MEASURES, "sanction_measure");
            if (!Vocabulary.fits(r.sanctionMeasure, repo.terlaporStatuses(file.id))) {
                throw FormRefused.invalid("sanction_not_for_status"); // SOP Pengenaan Sanksi 3: by who the terlapor is
            }
            r.sanctionTier = Vocabulary.tierOf(r.sanctionMeasure);
            r.sanctionDetails = optional(sanctionDetails);
            r.prevention = required(prevention, "prevention");
            r.goodName = null;
        } else {
            if (measure != null && !measure.isBlank()) {
                throw FormRefused.invalid("no_sanction_when_not_proven");
            }
            r.goodName = required(goodName, "good_name");
            r.sanctionMeasure = null;
            r.sanctionTier = null;
            r.recovery = optional(recovery);
            r.prevention = optional(prevention);
            r.sanctionDetails = null;
        }
        r.aggravating = codes(aggravating, Vocabulary.AGGRAVATING, "aggravating");
        if (!"proven".equals(c.outcome) && !r.aggravating.isEmpty()) {
            // grounds for a heavier sanction (SOP Pengenaan Sanksi 9) name a perpetrator: none when not proven, whose
            // recommendation is to restore the reported person's good name
            throw FormRefused.invalid("no_aggravating_when_not_proven");
        }
        r.recordedById = who.id();
        r.recordedBy = null; // an upsert: the username fallback was only for a row converted without an account
        r.recordedAt = now();
        if (r.intakeId == null) {
            r.intakeId = file.id;
            repo.persist(r);
        }
        audit.record(who.getUsername(), AuditAction.RECOMMENDATION, file.id,
                "tier:" + (r.sanctionTier == null ? "none" : r.sanctionTier) + (r.aggravating.isEmpty() ? "" : " aggravating:" + r.aggravating));
    }

    // --- after the decision: sanction execution and recovery ---------------------------------------------------

    @Transactional
    public void saveExecution(String ref, String programme, String institution, String state, String reportOn, String notes,
            CurrentAccount who) {
        CaseFile file = writable(ref, who);
        guards.requireOpen(file, "execution");
        Decision d = repo.one(Decision.class, file.id).orElseThrow(() -> FormRefused.notReady("decision_first"));
        SanctionExecution e = repo.one(SanctionExecution.class, file.id).orElseGet(SanctionExecution::new);
        e.state = code(state, Vocabulary.EXECUTION_STATES, "execution_state");
        boolean educational = Vocabulary.hasProgramme(d.sanctionTier);
        e.programme = educational ? required(programme, "programme") : optional(programme);
        // SOP Pengenaan Sanksi 4: after a light or medium sanction, the programme is at an institution the task force names
        e.institution = educational ? shortText(institution, "institution") : optionalShort(institution);
        e.completionReportOn = reportOn == null || reportOn.isBlank() ? null
                : DateRules.notBefore(dates.notBeforeReceipt(dates.happened(date(reportOn, "completion_report_on")), file), d.decidedOn,
                        "decision");
        if ("completed".equals(e.state) && educational && e.completionReportOn == null) {
            throw FormRefused.invalid("completion_report_on");
        }
        e.notes = optional(notes);
        e.updatedById = who.id();
        e.updatedBy = null; // an upsert: the username fallback was only for a row converted without an account
        e.updatedAt = now();
        e.reviewSince = null; // saved again under the decision in force: reviewed
        if (e.intakeId == null) {
            e.intakeId = file.id;
            repo.persist(e);
        }
        audit.record(who.getUsername(), AuditAction.SANCTION_EXECUTION, file.id, "state:" + e.state);
    }

    /**
     * The statement that the sanction was carried out (surat keterangan, SOP Pengenaan Sanksi 6): number, date and issuer,
     * after a light or medium sanction's programme is completed with its report (409 {@code no_programme},
     * {@code programme_not_completed}); dated on or after the report, not in the future.
     */
    @Transactional
    public void saveCertificate(String ref, String number, String issuedOn, String issuer, CurrentAccount who) {
        CaseFile file = writable(ref, who);
        guards.requireOpen(file, "certificate");
        SanctionExecution e = repo.one(SanctionExecution.class, file.id).orElseThrow(() -> FormRefused.notReady("programme_not_completed"));
        e.certificateNumber = shortText(number, "certificate_number");
        e.certificateOn = DateRules.notBefore(dates.notBeforeReceipt(dates.happened(date(issuedOn, "certificate_on")), file),
                e.completionReportOn, "completion_report");
        e.certificateIssuer = shortText(issuer, "certificate_issuer");
        e.updatedById = who.id();
        e.updatedBy = null; // an upsert: the username fallback was only for a row converted without an account
        e.updatedAt = now();
        audit.record(who.getUsername(), AuditAction.SANCTION_EXECUTION, file.id, "certificate");
    }

    /**
     * The recovery plan, only with the victim's (or a guardian's) recorded consent, and only after the leadership's decision,
     * which sets the recovery period (409 {@code recovery_after_decision} before).
     */
    @Transactional
    public void saveRecoveryPlan(String ref, String consentBy, String consentOn, String victimStatus, String plan,
            List<String> providerIds, CurrentAccount who) {
        CaseFile file = writable(ref, who);
        // SOP Investigasi dan Pendampingan 2.1: recovery runs for the period the leadership's decision sets. Accompaniment
        // and emergency services do not wait for it: they start at verification, with consent, through referrals.
        guards.requireOpen(file, "recovery");
        if (consentBy == null || consentBy.isBlank() || consentOn == null || consentOn.isBlank()) {
            throw FormRefused.invalid("recovery_consent");
        }
        RecoveryPlan p = repo.one(RecoveryPlan.class, file.id).orElseGet(RecoveryPlan::new);
        p.consentBy = code(consentBy, Vocabulary.CONSENT_BY, "recovery_consent");
        p.consentOn = dates.notBeforeReceipt(dates.happened(date(consentOn, "recovery_consent")), file);
        p.victimStatus = code(victimStatus, Vocabulary.VICTIM_STATUSES, "victim_status");
        p.plan = required(plan, "plan");
        List<String> ids = new ArrayList<>();
        for (String id : providerIds == null ? List.<String>of() : providerIds) {
            if (id == null || id.isBlank()) {
                continue;
            }
            long providerId = parseId(id, "providers");
            if (providers.findById(providerId) == null) {
                throw FormRefused.invalid("providers");
            }
            ids.add(String.valueOf(providerId));
        }
        p.providerIds = String.join(",", new LinkedHashSet<>(ids));
        p.recordedById = who.id();
        p.recordedBy = null; // an upsert: the username fallback was only for a row converted without an account
        p.recordedAt = now();
        p.reviewSince = null; // saved again under the decision in force: reviewed
        if (p.intakeId == null) {
            p.intakeId = file.id;
            repo.persist(p);
        }
        audit.record(who.getUsername(), AuditAction.RECOVERY, file.id, "plan consent:" + p.consentBy);
    }

    @Transactional
    public void addCheckin(String ref, String checkedOn, String withWhom, String providerId, String note, CurrentAccount who) {
        CaseFile file = writable(ref, who);
        guards.requireOpen(file, "checkin");
        RecoveryPlan plan = repo.one(RecoveryPlan.class, file.id).orElseThrow(() -> FormRefused.notReady("recovery_plan_first"));
        RecoveryCheckin c = new RecoveryCheckin();
        c.intakeId = file.id;
        c.checkedOn = DateRules.notBefore(dates.notBeforeReceipt(dates.happened(date(checkedOn, "checked_on")), file), plan.consentOn,
                "consent");
        c.withWhom = code(withWhom, Vocabulary.CHECKIN_WITH, "with_whom");
        if ("provider".equals(c.withWhom)) {
            long id = parseId(providerId, "checkin_provider");
            if (!List.of(plan.providerIds.split(",")).contains(String.valueOf(id))) {
                throw FormRefused.invalid("checkin_provider");
            }
            c.providerId = id;
        }
        c.note = required(note, "checkin_note");
        c.recordedById = who.id();
        c.recordedAt = now();
        repo.persist(c);
        audit.record(who.getUsername(), AuditAction.RECOVERY, file.id, "checkin with:" + c.withWhom);
    }

    /**
     * States that the victim's recovery ended, when and why (SOP Investigasi dan Pendampingan 2.1 and 3): after the
     * decision (409 {@code decision_first}); {@code reason} one of {@link Vocabulary#RECOVERY_END_REASONS} (400
     * {@code recovery_end_reason}); "finished" and "consent withdrawn" end a recorded plan (400
     * {@code recovery_end_needs_plan} without one), "consent never given" is only for a case without a plan (400
     * {@code recovery_end_has_plan}); the note is required for "other" (400 {@code recovery_end_note}). {@code endedOn}
     * (yyyy-MM-dd) already happened, not before the decision nor the plan's consent. Saving again replaces the record.
     */
    @Transactional
    public void endRecovery(String ref, String endedOn, String reason, String note, CurrentAccount who) {
        CaseFile file = writable(ref, who);
        guards.requireOpen(file, "recovery-end");
        Decision d = repo.one(Decision.class, file.id).orElseThrow(() -> FormRefused.notReady("decision_first"));
        String why = code(reason, Vocabulary.RECOVERY_END_REASONS, "recovery_end_reason");
        RecoveryPlan plan = repo.one(RecoveryPlan.class, file.id).orElse(null);
        if (plan == null && List.of("completed", "consent_withdrawn").contains(why)) {
            throw FormRefused.invalid("recovery_end_needs_plan");
        }
        if (plan != null && "consent_not_given".equals(why)) {
            throw FormRefused.invalid("recovery_end_has_plan");
        }
        RecoveryEnd e = repo.one(RecoveryEnd.class, file.id).orElseGet(RecoveryEnd::new);
        e.endedOn = DateRules.notBefore(DateRules.notBefore(dates.notBeforeReceipt(dates.happened(date(endedOn, "ended_on")), file),
                d.decidedOn, "decision"), plan == null ? null : plan.consentOn, "recovery_consent");
        e.reason = why;
        e.note = "other".equals(why) ? required(note, "recovery_end_note") : optional(note);
        e.recordedById = who.id();
        e.recordedBy = null; // an upsert: the username fallback was only for a row converted without an account
        e.recordedAt = now();
        if (e.intakeId == null) {
            e.intakeId = file.id;
            repo.persist(e);
        }
        audit.record(who.getUsername(), AuditAction.RECOVERY, file.id, "recovery_end reason:" + e.reason);
    }

    /**
     * Removes the recovery's recorded end (one recorded by mistake): the recovery runs again as leadership's decision set
     * it, so closing as resolved is guarded again ({@link SopStepGuards}). Audited as {@code recovery_end_cleared}; the note
     * goes with the row. Nothing recorded: nothing happens. 409 on a closed or erased case.
     */
    @Transactional
    public void clearRecoveryEnd(String ref, CurrentAccount who) {
        CaseFile file = writable(ref, who);
        repo.one(RecoveryEnd.class, file.id).ifPresent(end -> {
            repo.remove(end);
            audit.record(who.getUsername(), AuditAction.RECOVERY, file.id, "recovery_end_cleared");
        });
    }

    // --- conflict of interest ---------------------------------------------------------------------------------

    /** A coordinator marks an account conflicted for the case (403 for anyone else). */
    @Transactional
    public void markConflict(String ref, String accountId, CurrentAccount who) {
        CaseFile file = access.open(ref, who);
        if (!who.isCoordinator()) {
            audit.recordRefusal(who.getUsername(), AuditAction.ACCESS_DENIED, file.id, "conflict_mark");
            throw Refused.forbidden("coordinators only");
        }
        Account account = accounts.findById(parseId(accountId, "conflict_account"));
        if (account == null) {
            throw FormRefused.invalid("conflict_account");
        }
        if (repo.markConflict(file.id, account.id, "coordinator", who.id(), now())) {
            audit.record(who.getUsername(), AuditAction.CONFLICT_MARK, file.id, "account:" + account.id + " source:coordinator");
        }
    }

    /** The verified report's document code in the audit log (as the inbox's prints: a value, labelled by {@code AuditDetail}). */
    private static final String VERIFIED_REPORT = "verified_report";

    /**
     * Opens a verified case for its verified report and audits the print ({@code verified_report}): the case and its
     * initial assessment (null for a case verified before the assessment was required). Refused (409) before the
     * case is verified: the report is what verification produces.
     */
    @Transactional
    VerifiedReportResource.Source verifiedReport(String ref, CurrentAccount who) {
        CaseFile file = access.open(ref, who);
        if (file.isDeleted()) {
            throw FormRefused.notReady("case_deleted"); // its safety and urgency facts went with the person
        }
        if (!file.isVerified()) {
            throw Refused.conflict("verified report before verification");
        }
        audit.record(who.getUsername(), AuditAction.PRINT, file.id, VERIFIED_REPORT);
        return new VerifiedReportResource.Source(file, repo.one(Assessment.class, file.id).orElse(null));
    }

    /** Opens the case for a print and audits which document was printed. */
    @Transactional
    public CaseFile print(String ref, String document, CurrentAccount who) {
        CaseFile file = access.open(ref, who);
        if (file.isDeleted()) {
            throw FormRefused.notReady("case_deleted");
        }
        audit.record(who.getUsername(), AuditAction.PRINT, file.id, document);
        return file;
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    Party party(CaseFile file, String partyId) {
        Party party = repo.find(Party.class, parseId(partyId, "party"));
        if (party == null || !party.intakeId.equals(file.id)) {
            throw FormRefused.invalid("party");
        }
        return party;
    }

    Interview interview(CaseFile file, long interviewId) {
        Interview i = repo.find(Interview.class, interviewId);
        if (i == null || !i.intakeId.equals(file.id)) {
            throw Refused.notFound("no such interview");
        }
        return i;
    }

    private void recordConsent(Interview i, CurrentAccount who) {
        i.recordingConsent = true;
        i.consentRecordedById = who.id();
        i.consentRecordedName = people.writtenOf(who.id());
        i.consentRecordedAt = now();
    }

    /**
     * Refuses a change to a closed or erased case (409 {@code case_closed}, {@code case_deleted}): a closed case's SOP
     * record is read-only, and the workflow has no step out of closed ({@code CaseStatus}).
     */
    @Transactional
    public void requireOpen(String ref, CurrentAccount who) {
        writable(ref, who);
    }

    private CaseFile writable(String ref, CurrentAccount who) {
        CaseFile file = access.open(ref, who);
        if (file.isDeleted()) {
            throw FormRefused.notReady("case_deleted");
        }
        if (CaseStatus.CLOSED.equals(file.status)) {
            throw FormRefused.notReady("case_closed");
        }
        return file;
    }

    static boolean isVerifiedOrLater(String status) {
        return List.of(CaseStatus.VERIFIED, CaseStatus.REFERRED, CaseStatus.IN_EXAMINATION, CaseStatus.CONCLUDED, CaseStatus.DECIDED)
                .contains(status);
    }

    /**
     * The chosen accounts as a record keeps them: their ids, comma-separated, each once, in the order given. Each must be
     * an active account that works cases; none chosen is refused ({@code field}).
     */
    private String accountIds(List<String> ids, String field) {
        Set<String> chosen = new LinkedHashSet<>();
        for (String id : ids == null ? List.<String>of() : ids) {
            if (id == null || id.isBlank()) {
                continue;
            }
            Account a = accounts.findById(parseId(id, field));
            if (a == null || !a.active) {
                throw FormRefused.invalid(field);
            }
            if (!Role.worksCases(a.role)) {
                throw FormRefused.invalid("caseworkers_only");
            }
            chosen.add(String.valueOf(a.id));
        }
        if (chosen.isEmpty()) {
            throw FormRefused.invalid(field);
        }
        return String.join(",", chosen);
    }

    private Instant now() {
        return Instant.now(clock);
    }

    private static String code(String value, List<String> allowed, String field) {
        if (value == null || !allowed.contains(value)) {
            throw FormRefused.invalid(field);
        }
        return value;
    }

    private static String codes(List<String> values, List<String> allowed, String field) {
        List<String> list = values == null ? List.of() : values.stream().filter(v -> v != null && !v.isBlank()).distinct().toList();
        for (String v : list) {
            code(v, allowed, field);
        }
        return allowed.stream().filter(list::contains).collect(Collectors.joining(","));
    }

    static String required(String text, String field) {
        if (text == null || text.isBlank()) {
            throw FormRefused.invalid(field);
        }
        return longText(text, field);
    }

    private static String longText(String text, String field) {
        text = id.ruangaman.web.FormText.lineBreaks(text);
        if (text == null || text.isBlank()) {
            throw FormRefused.invalid(field);
        }
        return id.ruangaman.web.FormText.limited(text, MAX_TEXT).strip();
    }

    private static String shortText(String text, String field) {
        text = id.ruangaman.web.FormText.lineBreaks(text);
        if (text == null || text.isBlank()) {
            throw FormRefused.invalid(field);
        }
        return id.ruangaman.web.FormText.limited(text, MAX_SHORT).strip();
    }

    private static String optionalShort(String text) {
        return text == null || text.isBlank() ? null : shortText(text, "institution");
    }

    private static String optional(String text) {
        text = id.ruangaman.web.FormText.lineBreaks(text);
        if (text == null || text.isBlank()) {
            return null;
        }
        return id.ruangaman.web.FormText.limited(text, MAX_TEXT).strip();
    }

    private static LocalDate date(String value, String field) {
        try {
            return LocalDate.parse(value == null ? "" : value.trim());
        } catch (DateTimeParseException e) {
            throw FormRefused.invalid(field);
        }
    }

    private Instant dateTime(String value, String field) {
        try {
            return LocalDateTime.parse(value == null ? "" : value.trim()).atZone(config.zone()).toInstant();
        } catch (DateTimeParseException e) {
            throw FormRefused.invalid(field);
        }
    }

    static long parseId(String value, String field) {
        try {
            return Long.parseLong(value == null ? "" : value.trim());
        } catch (NumberFormatException e) {
            throw FormRefused.invalid(field);
        }
    }
}
