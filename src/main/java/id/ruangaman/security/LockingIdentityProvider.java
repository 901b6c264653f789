package id.ruangaman.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import id.ruangaman.audit.AuditAction;
import id.ruangaman.audit.AuditLog;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import id.ruangaman.database.DbTimes;

/**
 * Checks a login (j_security_check) against the account table's bcrypt hashes: deactivated accounts
 * cannot log in, and repeated failures lock for a while. Every login and failed login is counted and audited here,
 * in one place.
 *
 * <p>Failures are counted as in OWASP's "device cookie" scheme ({@link DeviceCookies}): a browser that presents a
 * valid device cookie for the account (it logged in to it before) is counted and locked on its own
 * ({@link DeviceLoginFailures}); every other client is counted per account ({@code account.failed_logins}), and that
 * lock keeps out untrusted clients only. So a stranger who types wrong passwords for a counsellor's username locks
 * out strangers, while the counsellor's own browser still logs in with the right password. A successful login gives
 * the browser a fresh device cookie.
 */
@ApplicationScoped
class LockingIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private static final Logger LOG = Logger.getLogger(LockingIdentityProvider.class);
    /** Compared against when the username is unknown, so a wrong username costs as long as a wrong password. */
    /**
     * A hash to check unknown names against, so they take as long as known ones. Made on first use, inside the blocking
     * part of a login: as a static field of this class it was computed wherever the class was first loaded, which was
     * a Vert.x event loop (the first secured request), blocking every webhook on that loop for the bcrypt's time.
     */
    private static final class DummyHash {
        static final String VALUE = BcryptUtil.bcryptHash("ruang-aman-no-such-account");
    }

    private final AccountRepository accounts;
    private final AuditLog audit;
    private final SecurityConfig config;
    private final Clock clock;
    @jakarta.inject.Inject
    AccountSessions sessions;
    @jakarta.inject.Inject
    jakarta.persistence.EntityManager em;
    @jakarta.inject.Inject
    DeviceCookies deviceCookies;
    @jakarta.inject.Inject
    DeviceLoginFailures deviceFailures;

    LockingIdentityProvider(AccountRepository accounts, AuditLog audit, SecurityConfig config, Clock clock) {
        this.accounts = accounts;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request, AuthenticationRequestContext context) {
        String username = request.getUsername();
        String password = new String(request.getPassword().getPassword());
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        return context.runBlocking(() -> {
            Outcome outcome = check(username, password, routing);
            if (outcome.role == null) {
                throw new AuthenticationFailedException();
            }
            if (routing != null && !routing.response().headWritten()) {
                String cookie = deviceCookies.issue(outcome.accountId, Instant.now(clock));
                routing.response().addCookie(deviceCookies.cookie(outcome.accountId, cookie, routing.request().isSSL()));
            }
            return QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(outcome.principal))
                    .addRole(outcome.role)
                    .addCredential(request.getPassword())
                    .build();
        });
    }

    /**
     * The password is compared outside any transaction (bcrypt is slow on purpose), so parallel guesses never hold
     * database connections while they hash; the outcome is then written in one short transaction.
     */
    private Outcome check(String username, String password, RoutingContext routing) {
        Instant now = Instant.now(clock);
        // A NUL (U+0000) is in no username (PostgreSQL's text cannot hold one): an unknown account, never a query.
        Optional<Account> found = username == null || username.length() > 64 || username.indexOf('\u0000') >= 0 ? Optional.empty()
                : QuarkusTransaction.requiringNew().call(() -> accounts.findByUsername(username));
        if (found.isEmpty()) {
            BcryptUtil.matches(password, DummyHash.VALUE);
            QuarkusTransaction.requiringNew().run(() -> audit.record("unknown", AuditAction.LOGIN_FAILED, null, "unknown_account"));
            LOG.info("Failed login for an unknown account");
            return Outcome.FAILED;
        }
        Account account = found.get();
        Optional<DeviceCookies.Device> device = trustedDevice(routing, account.id, now);
        if (device.isPresent()) {
            Instant deviceLock = QuarkusTransaction.requiringNew().call(() -> deviceFailures.lockedUntil(device.get(), now, false));
            if (deviceLock != null) {
                QuarkusTransaction.requiringNew().run(() -> audit.record(account.username, AuditAction.LOGIN_FAILED, null, "browser_locked"));
                return Outcome.FAILED;
            }
        } else if (account.lockedUntil != null && account.lockedUntil.isAfter(now)) {
            QuarkusTransaction.requiringNew().run(() -> audit.record(account.username, AuditAction.LOGIN_FAILED, null, "locked"));
            return Outcome.FAILED;
        }
        boolean matches = BcryptUtil.matches(password, account.passwordHash);
        return QuarkusTransaction.requiringNew().call(() -> device.isPresent()
                ? recordTrusted(account, device.get(), matches, now) : record(account, matches, now));
    }

    /** The browser's device cookie for this account, if it presents a valid one (else it is an untrusted client). */
    private Optional<DeviceCookies.Device> trustedDevice(RoutingContext routing, long accountId, Instant now) {
        if (routing == null) {
            return Optional.empty();
        }
        Cookie cookie = routing.request().getCookie(DeviceCookies.name(accountId));
        return cookie == null ? Optional.empty() : deviceCookies.verify(cookie.getValue(), accountId, now);
    }

    /**
     * A login from a browser with a valid device cookie for the account: a failure counts against that cookie only,
     * and the account's lock for untrusted clients does not apply. The account's own count is left as it is, so a
     * counsellor's login does not give a stranger's guesses a fresh start.
     */
    private Outcome recordTrusted(Account account, DeviceCookies.Device device, boolean matches, Instant now) {
        if (!matches || !account.active) {
            String detail = (account.active ? "wrong_password" : "inactive") + " trusted_browser";
            audit.record(account.username, AuditAction.LOGIN_FAILED, null, detail);
            int failures = deviceFailures.countFailure(device, now);
            if (failures == config.maxFailedLogins()) {
                Instant until = now.plus(config.lockoutDuration());
                deviceFailures.lock(device, until);
                audit.record(account.username, AuditAction.LOGIN_LOCKED, null, "browser_only until:" + until);
                LOG.infof("A browser of account %d locked after repeated failed logins", account.id);
            }
            return Outcome.FAILED;
        }
        // Another request with this cookie may have locked it while this password was checked: read the lock again.
        Object active = em.createNativeQuery("select active from account where id = ?1").setParameter(1, account.id).getSingleResult();
        if (deviceFailures.lockedUntil(device, now, true) != null || !Boolean.TRUE.equals(active)) {
            audit.record(account.username, AuditAction.LOGIN_FAILED, null, "browser_locked");
            return Outcome.FAILED;
        }
        deviceFailures.forget(device);
        audit.record(account.username, AuditAction.LOGIN, null, null);
        return new Outcome(sessions.open(account), account.role, account.id);
    }

    private Outcome record(Account account, boolean matches, Instant now) {
        if (!matches || !account.active) {
            String detail = account.active ? "wrong_password" : "inactive";
            audit.record(account.username, AuditAction.LOGIN_FAILED, null, detail);
            countFailure(account, now);
            return Outcome.FAILED;
        }
        // Another request may have locked the account while this password was checked: read the lock again.
        Object[] state = (Object[]) em.createNativeQuery("select locked_until, active from account where id = ?1 for update")
                .setParameter(1, account.id).getSingleResult();
        Instant lockedUntil = DbTimes.instant(state[0]);
        if ((lockedUntil != null && lockedUntil.isAfter(now)) || !Boolean.TRUE.equals(state[1])) {
            audit.record(account.username, AuditAction.LOGIN_FAILED, null, "locked");
            return Outcome.FAILED;
        }
        em.createNativeQuery("update account set failed_logins = 0, locked_until = null where id = ?1")
                .setParameter(1, account.id).executeUpdate();
        audit.record(account.username, AuditAction.LOGIN, null, null);
        return new Outcome(sessions.open(account), account.role, account.id);
    }

    /**
     * Counts a failure in one atomic statement, so parallel guesses cannot overwrite each other's count: the
     * request whose failure reaches the limit locks the account. A count left from an expired lock restarts.
     */
    private void countFailure(Account account, Instant now) {
        Object[] row = (Object[]) em.createNativeQuery("update account set "
                + "failed_logins = case when locked_until is not null and locked_until <= ?1 then 1 else failed_logins + 1 end, "
                + "locked_until = case when locked_until is not null and locked_until <= ?1 then null else locked_until end "
                + "where id = ?2 returning failed_logins, locked_until")
                .setParameter(1, now).setParameter(2, account.id).getSingleResult();
        int failures = ((Number) row[0]).intValue();
        if (failures == config.maxFailedLogins()) {
            Instant until = now.plus(config.lockoutDuration());
            em.createNativeQuery("update account set locked_until = ?1 where id = ?2")
                    .setParameter(1, until).setParameter(2, account.id).executeUpdate();
            audit.record(account.username, AuditAction.LOGIN_LOCKED, null, "until:" + until);
            LOG.infof("Account %d locked after repeated failed logins", account.id);
        }
    }


    private record Outcome(String principal, String role, long accountId) {
        static final Outcome FAILED = new Outcome(null, null, 0);
    }
}
