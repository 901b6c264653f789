package id.ruangaman.inbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import id.ruangaman.database.DbTimes;
import id.ruangaman.transcript.Channel;
import id.ruangaman.transcript.Contact;
import id.ruangaman.transcript.ContactRepository;
import id.ruangaman.transcript.Outbox;
import id.ruangaman.transcript.ChannelAvailability;
import id.ruangaman.intake.ConversationConfig;
import id.ruangaman.intake.IntakeReceived;
import id.ruangaman.intake.ThreadMessageReceived;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.value.registry.ValueRegistry;
import io.quarkus.vertx.http.HttpServer;
import io.quarkus.scheduler.Scheduled;

/**
 * Tells the counsellors' Telegram group when an intake arrives and when a first-response deadline
 * nears. A notification carries only the reference code and a link, never anything the person wrote.
 * It travels through the outbox, so it is durable and rate-limited like every other message.
 */
@ApplicationScoped
public class TeamNotifications {

    private static final java.util.regex.Pattern TRAILING_SLASHES = java.util.regex.Pattern.compile("/+$");

    private static final Logger LOG = Logger.getLogger(TeamNotifications.class);

    @jakarta.inject.Inject
    ConversationConfig conversation;
    @jakarta.inject.Inject
    ValueRegistry runtime;
    @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080")
    int httpPort;
    /** The team chat's contact id once found ({@link #team()}). */
    private volatile Long teamContactId;
    private final TeamConfig config;
    private final ChannelAvailability channels;
    private final ContactRepository contacts;
    private final Outbox outbox;
    private final EntityManager em;
    private final Clock clock;

    TeamNotifications(TeamConfig config, ChannelAvailability channels, ContactRepository contacts, Outbox outbox,
            EntityManager em, Clock clock) {
        this.config = config;
        this.channels = channels;
        this.contacts = contacts;
        this.outbox = outbox;
        this.em = em;
        this.clock = clock;
    }

    /** In the intake's own transaction: the notice is queued exactly when the intake is committed. */
    void onIntake(@Observes IntakeReceived received) {
        team().ifPresent(team -> outbox.queueText(team,
                "Laporan baru / New report: " + received.referenceCode() + "\n" + link(received.referenceCode())));
    }

    /**
     * A survivor wrote to a case after the report: the team hears of it (code and link only) at most once per quiet
     * period per case, in the message's own transaction. A message that says danger now ({@link ThreadMessageReceived#danger})
     * is told at once, in the quiet period too, and the notice says so: "Pesan baru dari pelapor, menyebut bahaya"; but
     * only when the team has not been told since the case last said danger. So ten frightened lines in a minute are one
     * notice, not ten; the case page shows when danger was said last ({@code intake.danger_said_at}), and after the quiet
     * period the next line is told again.
     * <p>
     * Runs before the step marks the case in danger ({@code IntakeService#markInDanger}, later in the same step), so
     * {@code danger_said_at} here is when danger was said before this line: a notice told at or after it covered it.
     */
    void onThreadMessage(@Observes ThreadMessageReceived received) {
        if (team().isEmpty()) {
            return;
        }
        Instant now = Instant.now(clock);
        // A line of danger is not held back by an ordinary message told minutes before, nor told again after a notice
        // that came with the danger said before it.
        String dangerNotYetTold = received.danger()
                ? " or danger_said_at is null or danger_said_at < thread_notified_at" : "";
        List<?> codes = em.createNativeQuery("update intake set thread_notified_at = ?1 where id = ?2 "
                + "and (thread_notified_at is null or thread_notified_at <= ?3" + dangerNotYetTold + ") returning reference_code")
                .setParameter(1, now).setParameter(2, received.intakeId())
                .setParameter(3, now.minus(conversation.threadQuietPeriod()))
                .getResultList();
        if (!codes.isEmpty()) {
            String code = (String) codes.get(0);
            outbox.queueText(team().get(), (received.danger()
                    ? "Pesan baru dari pelapor, menyebut bahaya / New message from the reporter, who said they may be in danger: "
                    : "Pesan baru dari pelapor / New message from the reporter: ") + code + "\n" + link(code));
        }
    }

    @Scheduled(every = "${ruangaman.team.check-every:15M}", delayed = "1M", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void warnNearingDeadlines() {
        // warnDue looks the team chat up itself, inside the transaction (finding it may create its contact row).
        int warned = QuarkusTransaction.requiringNew().call(this::warnDue);
        if (warned > 0) {
            LOG.infof("Team warned about %d nearing first-response deadlines", warned);
        }
    }

    /** Warns once per unanswered open case whose deadline is within the warning period; returns how many. */
    int warnDue() {
        Optional<Contact> team = team();
        if (team.isEmpty()) {
            return 0;
        }
        Instant now = Instant.now(clock);
        @SuppressWarnings("unchecked")
        List<Object[]> due = em.createNativeQuery("select id, reference_code, first_response_due_at from intake "
                + "where status <> 'closed' and first_response_at is null and deadline_warned_at is null "
                + "and first_response_due_at < ?1 order by first_response_due_at limit 200 for update skip locked")
                .setParameter(1, now.plus(config.deadlineWarning())).getResultList();
        for (Object[] row : due) {
            String code = (String) row[1];
            Instant deadline = DbTimes.instant(row[2]);
            long hours = Math.max(0, Duration.between(now, deadline).toHours());
            outbox.queueText(team.get(), "Tenggat 3×24 jam / 72-hour deadline: " + code + " (" + hours + " jam/h)\n" + link(code));
            em.createNativeQuery("update intake set deadline_warned_at = ?1 where id = ?2")
                    .setParameter(1, now).setParameter(2, ((Number) row[0]).longValue()).executeUpdate();
        }
        return due.size();
    }

    /** Whether a team chat is configured (and Telegram is on). */
    public boolean configured() {
        return team().isPresent();
    }

    /**
     * Queues one content-free notice to the team: {@code headline}, the case's reference code and its link, nothing
     * the person wrote. Joins the caller's transaction. Returns false when no team chat is configured.
     */
    public boolean notice(String headline, String referenceCode, String path) {
        Optional<Contact> team = team();
        team.ifPresent(t -> outbox.queueText(t, headline + ": " + referenceCode + "\n" + link(referenceCode) + path));
        return team.isPresent();
    }

    /**
     * The team's chat, looked up (or created) once, then taken by its id. A round of steps that submits several
     * reports tells the team of each; a lookup by chat id per report would be a query each, with a flush of the
     * round's writes before it (which also writes each contact of the round with an UPDATE of its own). {@code find}
     * by id needs no flush and, after the first in a transaction, no query: the chat is configured at start and a
     * contact row is never deleted (V169). The id is drawn when the row is persisted, so a contact created in this
     * transaction is found again by it; if that transaction rolls back, the next {@code find} misses and looks it up.
     */
    private Optional<Contact> team() {
        if (!channels.enabled(Channel.TELEGRAM)) {
            return Optional.empty();
        }
        Optional<String> chatId = config.telegramChatId().map(String::trim).filter(id -> !id.isEmpty());
        if (chatId.isEmpty()) {
            return Optional.empty();
        }
        Long knownId = teamContactId;
        Contact team = knownId == null ? null : em.find(Contact.class, knownId);
        if (team == null || team.erasedAt != null || team.externalId == null) {
            team = contacts.findOrCreate(Channel.TELEGRAM, chatId.get());
            if (team.id != null) {
                teamContactId = team.id;
            }
        }
        return Optional.of(team);
    }

    private String link(String code) {
        return inboxBase() + "/inbox/cases/" + code;
    }

    /**
     * The inbox's base URL in links, without a trailing slash: {@code RUANGAMAN_TEAM_INBOX_URL} when set, else this
     * service on localhost at the port its HTTP server listens on (so dev mode on another port links to that port).
     */
    String inboxBase() {
        return inboxBase(config.inboxUrl(), listeningPort());
    }

    /** The port the HTTP server listens on, once started; the configured one (default 8080) before. */
    int listeningPort() {
        return runtime.getOrDefault(HttpServer.HTTP_PORT, httpPort);
    }

    static String inboxBase(Optional<String> configured, int port) {
        return configured.map(String::trim).filter(url -> !url.isEmpty()).map(url -> TRAILING_SLASHES.matcher(url).replaceAll(""))
                .orElse("http://localhost:" + port);
    }
}
