package id.ruangaman.channel.inbound;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * One batch of the webhooks' group commit ({@link GroupCommit}), as a Java Flight Recorder event
 * ({@code id.ruangaman.GroupCommitBatch}; its duration is the whole batch, from taking it off the queue to the commit's
 * return). It splits an acknowledgement's time on the committer: how long the oldest request of the batch waited in the
 * queue, the wait for a pooled connection, and the insert, which is its own transaction and includes the commit (the WAL
 * flush). Recorded only while a flight
 * recording runs (the benchmark's {@code settings=profile}); read with
 * {@code jfr print --events id.ruangaman.GroupCommitBatch service-ack.jfr}. Nothing in it identifies a person.
 */
@Name("id.ruangaman.GroupCommitBatch")
@Label("Group commit batch")
@Category({ "Ruang Aman", "Webhook" })
@Description("One multi-row insert and commit of the webhooks' acknowledgements")
@StackTrace(false)
final class CommitBatchEvent extends jdk.jfr.Event {

    @Label("Requests")
    int requests;

    @Label("Rows")
    @Description("Distinct updates in the batch")
    int rows;

    @Label("New rows")
    @Description("Rows the insert stored (the rest were duplicates)")
    int fresh;

    @Label("Oldest queued")
    @Description("How long the batch's first request waited in the queue before the committer took it")
    @Timespan
    long queued;

    @Label("Connection")
    @Description("Waiting for a connection from the pool")
    @Timespan
    long connection;

    @Label("Insert")
    @Description("The insert and its commit, one round trip: the statement is its own transaction, and PostgreSQL flushes the WAL before it answers")
    @Timespan
    long insert;

    @Label("Failed")
    boolean failed;
}
