package id.ruangaman.security;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/** Creates the first coordinator from RUANGAMAN_ADMIN_USERNAME / _PASSWORD, only while no account exists. */
@ApplicationScoped
class AdminAccountBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminAccountBootstrap.class);

    private final AccountRepository accounts;
    private final AdminAccountConfig config;
    private final Clock clock;

    AdminAccountBootstrap(AccountRepository accounts, AdminAccountConfig config, Clock clock) {
        this.accounts = accounts;
        this.config = config;
        this.clock = clock;
    }

    @jakarta.inject.Inject
    SecurityConfig security;

    @Transactional
    void onStart(@Observes StartupEvent event) {
        // Instances starting together on an empty database take turns, so only one creates the account.
        accounts.getEntityManager().createNativeQuery("select pg_advisory_xact_lock(7320131)").getSingleResult();
        if (accounts.count() > 0) {
            return;
        }
        if (config.username().isEmpty() || config.password().isEmpty()) {
            LOG.warn("No inbox account exists: set RUANGAMAN_ADMIN_USERNAME and RUANGAMAN_ADMIN_PASSWORD to create the first coordinator");
            return;
        }
        if (!AccountService.acceptable(config.password().get(), security.minPasswordLength())) {
            throw new IllegalStateException("RUANGAMAN_ADMIN_PASSWORD is too short or too long: it needs "
                    + security.minPasswordLength() + " to 128 characters, like every other account's password");
        }
        Instant now = Instant.now(clock);
        Account admin = new Account();
        admin.username = config.username().get().trim();
        admin.role = Role.COORDINATOR;
        admin.createdAt = now;
        admin.setPassword(config.password().get(), now);
        accounts.persist(admin);
        LOG.infof("Created the first coordinator account (id %d)", admin.id);
    }
}
