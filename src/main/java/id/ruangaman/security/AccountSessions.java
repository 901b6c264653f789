package id.ruangaman.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import id.ruangaman.database.DbTimes;

/**
 * Server-side inbox sessions ({@code account_session}). The form-login cookie's principal is
 * {@code username:sessionId}; this class creates, checks, touches and ends the sessions behind it.
 * Sessions end on logout, on a password change or reset, on deactivation, on "log out everywhere",
 * and after {@code quarkus.http.auth.form.timeout} (30 minutes) without a user action.
 */
@ApplicationScoped
public class AccountSessions {

    /** Separates the username from the session id in the cookie's principal; never part of a username. */
    public static final char SEPARATOR = ':';
    /** A session's last action is written at most this often (a page's requests come in bursts). */
    private static final Duration TOUCH_EVERY = Duration.ofSeconds(15);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final EntityManager em;
    private final Clock clock;
    private final Duration idleTimeout;

    AccountSessions(EntityManager em, Clock clock, @ConfigProperty(name = "quarkus.http.auth.form.timeout") Duration idleTimeout) {
        this.em = em;
        this.clock = clock;
        this.idleTimeout = idleTimeout;
    }

    /** Opens a session for the account, in the caller's transaction; returns the principal for the cookie. */
    public String open(Account account) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = Instant.now(clock);
        em.createNativeQuery("insert into account_session (id_hash, account_id, created_at, last_action_at) values (?1, ?2, ?3, ?3)")
                .setParameter(1, hash(id)).setParameter(2, account.id).setParameter(3, now).executeUpdate();
        return account.username + SEPARATOR + id;
    }

    /**
     * Whether the session is open for this active account and not idle; when {@code userAction}, its idle clock
     * restarts. In the caller's transaction.
     */
    public boolean check(String username, String sessionId, boolean userAction) {
        Instant now = Instant.now(clock);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select s.last_action_at, a.active from account_session s join account a "
                + "on a.id = s.account_id where s.id_hash = ?1 and a.username = ?2 and s.ended_at is null")
                .setParameter(1, hash(sessionId)).setParameter(2, username).getResultList();
        if (rows.isEmpty() || !Boolean.TRUE.equals(rows.get(0)[1])) {
            return false;
        }
        Instant last = DbTimes.instant(rows.get(0)[0]);
        if (!last.plus(idleTimeout).isAfter(now)) {
            end(sessionId, "idle");
            return false;
        }
        if (userAction && last.plus(TOUCH_EVERY).isBefore(now)) {
            em.createNativeQuery("update account_session set last_action_at = ?1 where id_hash = ?2")
                    .setParameter(1, now).setParameter(2, hash(sessionId)).executeUpdate();
        }
        return true;
    }

    /**
     * Whether the session was ended by its account's deactivation and the account is still inactive: a form posted from
     * it is then refused for that reason, not as an idle session that a login would resume. In the caller's transaction.
     */
    public boolean endedByDeactivation(String username, String sessionId) {
        return !em.createNativeQuery("select 1 from account_session s join account a on a.id = s.account_id "
                + "where s.id_hash = ?1 and a.username = ?2 and s.end_reason = 'deactivated' and not a.active")
                .setParameter(1, hash(sessionId)).setParameter(2, username).getResultList().isEmpty();
    }

    /** Ends one session (logout, idle). */
    public void end(String sessionId, String reason) {
        em.createNativeQuery("update account_session set ended_at = ?1, end_reason = ?2 where id_hash = ?3 and ended_at is null")
                .setParameter(1, Instant.now(clock)).setParameter(2, reason).setParameter(3, hash(sessionId)).executeUpdate();
    }

    /** Ends every session of the account, except {@code keepSessionId} if given; returns how many ended. */
    public int endAll(long accountId, String reason, String keepSessionId) {
        return em.createNativeQuery("update account_session set ended_at = ?1, end_reason = ?2 where account_id = ?3 "
                + "and ended_at is null and id_hash <> ?4")
                .setParameter(1, Instant.now(clock)).setParameter(2, reason).setParameter(3, accountId)
                .setParameter(4, keepSessionId == null ? new byte[0] : hash(keepSessionId)).executeUpdate();
    }

    /** The username part of a cookie principal. */
    public static String username(String principal) {
        int at = principal == null ? -1 : principal.lastIndexOf(SEPARATOR);
        return at < 0 ? principal : principal.substring(0, at);
    }

    /** The session id part of a cookie principal, or null. */
    public static String sessionId(String principal) {
        int at = principal == null ? -1 : principal.lastIndexOf(SEPARATOR);
        return at < 0 ? null : principal.substring(at + 1);
    }

    /** How a session id is stored ({@code account_session.id_hash}): SHA-256. */
    public static byte[] idHash(String sessionId) {
        return hash(sessionId);
    }

    /** Inactivity after which a session ends. */
    public Duration idleTimeout() {
        return idleTimeout;
    }

    private static byte[] hash(String sessionId) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(sessionId.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
