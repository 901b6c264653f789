package id.ruangaman.inbox;

/**
 * Which cases leadership's pages show, as SQL, contributed by the feature that owns those pages (casework): the live
 * events of a leadership account name only these cases ({@link InboxEventFeed#readForLeadership}), so an open
 * leadership page learns that the person erased their data (SOP Penanganan: the reporter's right to withdraw) without
 * the account learning of any case its pages do not show.
 */
public interface LeadershipCases {

    /**
     * A condition true when leadership's pages show the case.
     *
     * @param caseId the SQL expression of the case's {@code intake.id} (a column, such as {@code i.id})
     */
    String shownWhere(String caseId);
}
