package id.ruangaman.inbox;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestQuery;

import id.ruangaman.security.AccountSessions;
import id.ruangaman.security.CurrentAccount;
import id.ruangaman.security.Role;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Server-sent events for open inbox pages. Each event names a case and what changed (never content);
 * its id is the feed's cursor after it ({@link InboxEventFeed.Cursor}, {@code tx-id}), so a reconnecting page
 * (Last-Event-ID) or a page that passes the cursor it was rendered at ({@code ?after=}) replays everything it missed
 * from the database. A missing or malformed cursor starts at the present.
 * Polling the table runs on worker threads; the stream itself stays on the IO thread. Leadership's stream carries only
 * what its case pages need to follow an erasure ({@link InboxEventFeed#readForLeadership}).
 */
@Path("/inbox/events")
@RolesAllowed({ Role.COUNSELLOR, Role.COORDINATOR, Role.PIMPINAN })
public class InboxEventsResource {

    private final InboxEventFeed feed;
    private final InboxConfig config;
    private final CurrentAccount current;
    @jakarta.inject.Inject
    AccountSessions sessions;

    InboxEventsResource(InboxEventFeed feed, InboxConfig config, CurrentAccount current) {
        this.feed = feed;
        this.config = config;
        this.current = current;
    }

    @GET
    @Blocking
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> events(@RestHeader("Last-Event-ID") String lastEventId, @RestQuery String after,
            @Context Sse sse) {
        long viewer = current.id();
        byte[] session = current.sessionId() == null ? new byte[0] : AccountSessions.idHash(current.sessionId());
        Duration idle = sessions.idleTimeout();
        InboxEventFeed.Cursor start = InboxEventFeed.Cursor.parse(lastEventId)
                .or(() -> InboxEventFeed.Cursor.parse(after)).orElseGet(feed::mark);
        AtomicReference<InboxEventFeed.Cursor> cursor = new AtomicReference<>(start);
        return Multi.createFrom().ticks().every(config.livePollInterval())
                .onOverflow().drop()
                .onItem().transformToUniAndConcatenate(tick -> Uni.createFrom()
                        .item(() -> {
                            // The account is checked again on every poll: a deactivated account, an ended or idle
                            // session, or a changed role takes effect on an open stream at once.
                            String role = feed.stillAllowed(viewer, session, idle).orElseThrow(StreamEnded::new);
                            return Role.PIMPINAN.equals(role) ? feed.readForLeadership(cursor.get(), viewer)
                                    : feed.read(cursor.get(), viewer, Role.COORDINATOR.equals(role));
                        })
                        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()))
                .onFailure(StreamEnded.class).recoverWithCompletion()
                .onItem().transformToMultiAndConcatenate(batch -> {
                    cursor.set(batch.next());
                    return Multi.createFrom().iterable(batch.items());
                })
                .map(item -> sse.newEventBuilder().id(item.cursor().toString()).name(item.type())
                        .data(item.referenceCode()).build());
    }

    /** The account may no longer receive events; the stream completes. */
    private static final class StreamEnded extends RuntimeException {
        StreamEnded() {
            super(null, null, false, false);
        }
    }
}
