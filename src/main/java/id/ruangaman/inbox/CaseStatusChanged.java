package id.ruangaman.inbox;

import java.time.Instant;

/** Fired synchronously inside the transaction of a status change, after the case row changed. */
public record CaseStatusChanged(CaseFile file, String from, String to, String actor, Instant at) {
}
