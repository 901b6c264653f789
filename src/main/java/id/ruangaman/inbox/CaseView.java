package id.ruangaman.inbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import id.ruangaman.security.Account;
import id.ruangaman.transcript.MediaRepository;

/**
 * Everything the case page shows, decrypted inside one transaction. {@code returnedFrom}: the username of the account
 * whose deactivation returned this unassigned case to the queue (null otherwise), {@code returnedAt} when (null when
 * not known).
 */
public record CaseView(CaseFile file, IntakeSections intake, List<TranscriptLine> transcript, Map<String, CaseCheck> checks,
        List<CaseNote> notes, List<Account> assignees, String assignee, String maskedContact, String maskedName,
        List<String> nextStatuses, List<CannedReplies.Reply> cannedReplies, Integer examinationDaysLeft, InboxEventFeed.Cursor afterEvent,
        Map<Long, String> mediaKinds, boolean showMediaUnblurred, Map<String, List<String>> blockedSteps,
        Map<String, VerificationFinding> findings, Map<Long, Integer> evidenceNumbers, java.util.Set<Long> forwardedMedia,
        String returnedFrom, Instant returnedAt) {

    /**
     * The case's number of an evidence file ("2" for "Bukti 2"; {@code MediaRepository.evidenceNumbers}), the same on the
     * case page and every print; null for a file this case does not keep (shown as such, {@code tags/evidenceNo}).
     */
    public String evidenceNo(Object mediaId) {
        return MediaRepository.evidenceNo(evidenceNumbers, mediaId);
    }

    /**
     * Whether the survivor forwarded this file from another chat ({@code Media.forwarded}: the terlapor's photo passed
     * on; on Telegram also one forwarded from the person's own Saved Messages), marked so on the page and the prints;
     * false for a file id that is not a number.
     */
    public boolean forwardedFile(Object mediaId) {
        return MediaRepository.idOf(mediaId).filter(forwardedMedia::contains).isPresent();
    }

    /**
     * What the survivor wrote in the chat after the report arrived, oldest first: on a case whose reporter said the chat
     * is not safe, the cue that replying may now be OK (walkthrough 9, finding 5). Pressed stale buttons do not count.
     */
    public List<TranscriptLine> wroteAfterReport() {
        return transcript.stream().filter(l -> l.author() == TranscriptLine.Author.SURVIVOR && l.createdAt() != null
                && l.createdAt().isAfter(file.receivedAt) && !id.ruangaman.transcript.ChatMessage.KIND_STALE_BUTTON.equals(l.kind()))
                .toList();
    }

    /**
     * Why a next status would be refused now: the refusal codes (checklist, then the SOP's {@link CaseStepGuard}s),
     * or an empty list when the step is open. The page shows them beside the button, which stays a real button.
     */
    public List<String> blockedBy(String next) {
        return blockedSteps.getOrDefault(next, List.of());
    }

    public boolean checked(String component) {
        return checks.containsKey(component);
    }

    /**
     * Whether a part of the checklist is shown and not offered: on a closed case, and once the checklist is kept
     * ({@link CaseFile#checklistKept}) for a ticked part. The same rule {@code CaseService.tick} enforces.
     */
    public boolean tickFixed(String component) {
        return CaseStatus.CLOSED.equals(file.status) || (checked(component) && file.checklistKept());
    }

    public CaseCheck check(String component) {
        return checks.get(component);
    }

    /** What the verification of a part found, or null when nothing is written (none recorded, or erased). */
    public VerificationFinding finding(String component) {
        VerificationFinding f = findings.get(component);
        return f == null || f.isEmpty() ? null : f;
    }

    /**
     * The transcript lines of the contact cards an answer quotes (a witness's number shared at the evidence question),
     * for the answer's "show the number" links; empty for an answer that quotes none.
     */
    public List<TranscriptLine> sharedCards(AnswerLine line) {
        if (line.answer() == null) {
            return List.of();
        }
        java.util.Set<String> quoted = new java.util.HashSet<>(line.answer().parts());
        if (line.answer().value() != null) {
            quoted.add(line.answer().value());
        }
        if (line.answer().raw() != null) {
            quoted.add(line.answer().raw());
        }
        return transcript.stream().filter(l -> l.hiddenNumber() && quoted.contains(l.cardLine())).toList();
    }

    /** The kind of an uploaded file ({@code photo}, {@code video}, {@code voice}, {@code document}), or "document". */
    public String mediaKind(String mediaId) {
        try {
            return mediaKinds.getOrDefault(Long.valueOf(mediaId), "document");
        } catch (NumberFormatException e) {
            return "document";
        }
    }

    /** Whether part 3's finding names the documents/evidence examined (needed before part 3 is ticked). */
    public boolean evidenceExamined() {
        VerificationFinding f = findings.get(VerificationFinding.EVIDENCE);
        return f != null && f.examined != null && !f.examined.isBlank();
    }

    public boolean checklistComplete() {
        return checks.keySet().containsAll(VerificationComponent.ALL);
    }

    public boolean overdue(Instant now) {
        return file.isOverdue(now);
    }
}
