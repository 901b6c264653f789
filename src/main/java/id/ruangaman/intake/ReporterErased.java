package id.ruangaman.intake;

/**
 * Fired synchronously, inside the erasing transaction, after {@code /hapus} erased a contact's data, so other
 * features (referrals) can stop whatever still depends on it.
 */
public record ReporterErased(long contactId) {
}
