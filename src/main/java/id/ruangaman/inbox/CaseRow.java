package id.ruangaman.inbox;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * One line of the case list: categories, times and counts only, never anything the person wrote.
 * {@code lastReplyStatus}: the delivery status of the latest counsellor reply (null: none), so "replied" is not shown
 * for a reply that failed or is held, as if the person had been answered. {@code dangerUnread}: the survivor wrote danger
 * now in the chat after the case was last opened ({@code intake.danger_said_at} after {@code last_read_at}), shown
 * beside the unread count as "Menyebut bahaya". {@code returned}: unassigned, returned to the queue when the account it
 * was assigned to was deactivated ({@code intake.returned_from}), shown in the assignee's cell by its label, never "—".
 */
public record CaseRow(long id, String referenceCode, String channel, String reporterRole, String services, Instant receivedAt,
        Instant firstResponseDueAt, Instant firstResponseAt, String assignee, String status, boolean inDanger, long unread,
        boolean deleted, String violenceTypes, boolean urgentMedical, boolean victimChild, String lastReplyStatus,
        boolean dangerUnread, boolean returned) {

    /** The latest counsellor reply did not reach the person: the platform refused it or reported it failed. */
    public boolean replyFailed() {
        return "FAILED".equals(lastReplyStatus);
    }

    /** The latest counsellor reply waits for the person to write again (WhatsApp's 24-hour window). */
    public boolean replyHeld() {
        return "HELD".equals(lastReplyStatus);
    }

    public List<String> violenceTypeList() {
        return violenceTypes == null || violenceTypes.isBlank() ? List.of() : Arrays.asList(violenceTypes.split(","));
    }

    public List<String> serviceList() {
        return services == null || services.isBlank() ? List.of() : Arrays.asList(services.split(","));
    }

    public boolean overdue(Instant now) {
        return firstResponseAt == null && firstResponseDueAt.isBefore(now) && !CaseStatus.CLOSED.equals(status);
    }

    public boolean awaitingReply() {
        return firstResponseAt == null && !CaseStatus.CLOSED.equals(status);
    }
}
