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
import io.smallrye.mutiny.Uni;

/**
 * Checks a login (j_security_check) against the account table's bcrypt hashes: deactivated accounts
 * cannot log in, and an account locks for a while after repeated failures. Every login and failed
 * login is counted and audited here, in one place.
 */
@ApplicationScoped
public class LockingIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private static final Logger LOG = Logger.getLogger(LockingIdentityProvider.class);
    /** Compared against when the username is unknown, so a wrong username costs as long as a wrong password. */
    private static final String DUMMY_HASH = BcryptUtil.bcryptHash("ruang-aman-no-such-account");

    private final AccountRepository accounts;
    private final AuditLog audit;
    private final SecurityConfig config;
    private final Clock clock;

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
        return context.runBlocking(() -> {
            Outcome outcome = QuarkusTransaction.requiringNew().call(() -> check(username, password));
            if (outcome.role == null) {
                throw new AuthenticationFailedException();
            }
            return QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(outcome.username))
                    .addRole(outcome.role)
                    .addCredential(request.getPassword())
                    .build();
        });
    }

    private Outcome check(String username, String password) {
        Instant now = Instant.now(clock);
        Optional<Account> found = username == null || username.length() > 64 ? Optional.empty() : accounts.findByUsername(username);
        if (found.isEmpty()) {
            BcryptUtil.matches(password, DUMMY_HASH);
            audit.record("unknown", AuditAction.LOGIN_FAILED, null, "unknown_account");
            LOG.info("Failed login for an unknown account");
            return Outcome.FAILED;
        }
        Account account = found.get();
        if (account.lockedUntil != null && account.lockedUntil.isAfter(now)) {
            audit.record(account.username, AuditAction.LOGIN_FAILED, null, "locked");
            return Outcome.FAILED;
        }
        boolean matches = BcryptUtil.matches(password, account.passwordHash);
        if (!matches || !account.active) {
            account.failedLogins++;
            String detail = account.active ? "wrong_password" : "inactive";
            audit.record(account.username, AuditAction.LOGIN_FAILED, null, detail);
            if (account.failedLogins >= config.maxFailedLogins()) {
                account.lockedUntil = now.plus(config.lockoutDuration());
                account.failedLogins = 0;
                audit.record(account.username, AuditAction.LOGIN_LOCKED, null, "until:" + account.lockedUntil);
                LOG.infof("Account %d locked after repeated failed logins", account.id);
            }
            return Outcome.FAILED;
        }
        account.failedLogins = 0;
        account.lockedUntil = null;
        audit.record(account.username, AuditAction.LOGIN, null, null);
        return new Outcome(account.username, account.role);
    }

    private record Outcome(String username, String role) {
        static final Outcome FAILED = new Outcome(null, null);
    }
}
