package id.ruangaman.security;

import java.time.Instant;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import io.quarkus.elytron.security.common.BcryptUtil;

/**
 * A counsellor or coordinator. The password is a bcrypt hash (modular crypt format), checked by
 * {@link LockingIdentityProvider}; {@link SessionIdentityProvider} re-reads the account for every
 * session request, so a deactivated account loses its open sessions at once.
 */
@Entity
@Table(name = "account")
public class Account {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "account_seq")
    @SequenceGenerator(name = "account_seq", sequenceName = "account_seq", allocationSize = 50)
    public Long id;

    @Column(nullable = false, unique = true, length = 64)
    public String username;

    @Column(name = "password_hash", nullable = false, length = 100)
    public String passwordHash;

    @Column(nullable = false, length = 16)
    public String role;

    /**
     * The name of the person who uses the account, as official letters print it (V173); set by a coordinator, null
     * until then. Encrypted: it is personal data. Loaded (and decrypted) only when read, so signing in, a session's
     * check and a list of accounts never fail on a name stored under a data key this instance does not hold. Pages and
     * letters show it through {@link People} ({@link #displayName(String, String)}), never from the entity.
     */
    @Convert(converter = id.ruangaman.security.crypto.EncryptedStringConverter.class)
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "full_name")
    public String fullName;

    @Column(nullable = false)
    public boolean active = true;

    @Column(name = "failed_logins", nullable = false)
    public int failedLogins;

    @Column(name = "locked_until")
    public Instant lockedUntil;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "password_set_at", nullable = false)
    public Instant passwordSetAt;

    /** Evidence photos and videos shown without the blur the inbox puts on them until clicked (V50). */
    @Column(name = "show_media_unblurred", nullable = false)
    public boolean showMediaUnblurred;

    public void setPassword(String password, Instant now) {
        this.passwordHash = BcryptUtil.bcryptHash(password);
        this.passwordSetAt = now;
        this.failedLogins = 0;
        this.lockedUntil = null;
    }

    /**
     * What pages and letters show for an account: the person's name ({@code fullName}, decrypted) where one is written,
     * else the {@code username}. The one rule; {@link People} applies it to every account it reads.
     */
    static String displayName(String fullName, String username) {
        return fullName == null || fullName.isBlank() ? username : fullName;
    }

    public boolean isCoordinator() {
        return Role.COORDINATOR.equals(role);
    }
}
