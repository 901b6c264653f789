package id.ruangaman.security;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import id.ruangaman.database.DbTimes;

/**
 * Failed logins in a row of one browser's device cookie ({@code device_login_failure}, V200), in the caller's
 * transaction. A row exists only while the cookie has failures: a successful login with it {@link #forget forgets}
 * them. Keyed by the SHA-256 of the cookie's nonce; nothing else of the cookie is stored.
 */
@ApplicationScoped
class DeviceLoginFailures {

    private final EntityManager em;

    DeviceLoginFailures(EntityManager em) {
        this.em = em;
    }

    /** Until when the device is locked, or null when it is not (or no longer) locked at {@code now}. */
    Instant lockedUntil(DeviceCookies.Device device, Instant now, boolean forUpdate) {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("select locked_until from device_login_failure where nonce_hash = ?1"
                + (forUpdate ? " for update" : "")).setParameter(1, device.nonceHash()).getResultList();
        Instant until = rows.isEmpty() ? null : DbTimes.instant(rows.get(0));
        return until != null && until.isAfter(now) ? until : null;
    }

    /**
     * Counts a failure in one atomic statement (parallel guesses with one cookie cannot overwrite each other's count;
     * a count left from an expired lock restarts at 1) and returns the failures in a row. Rows of the account's
     * expired cookies are deleted on the way.
     */
    int countFailure(DeviceCookies.Device device, Instant now) {
        em.createNativeQuery("delete from device_login_failure where account_id = ?1 and expires_at <= ?2")
                .setParameter(1, device.accountId()).setParameter(2, now).executeUpdate();
        Object count = em.createNativeQuery("insert into device_login_failure as f (nonce_hash, account_id, failed_logins, expires_at) "
                + "values (?1, ?2, 1, ?3) on conflict (nonce_hash) do update set "
                + "failed_logins = case when f.locked_until is not null and f.locked_until <= ?4 then 1 else f.failed_logins + 1 end, "
                + "locked_until = case when f.locked_until is not null and f.locked_until <= ?4 then null else f.locked_until end "
                + "returning failed_logins")
                .setParameter(1, device.nonceHash()).setParameter(2, device.accountId()).setParameter(3, device.expiresAt())
                .setParameter(4, now).getSingleResult();
        return ((Number) count).intValue();
    }

    /** Locks the device until {@code until}. */
    void lock(DeviceCookies.Device device, Instant until) {
        em.createNativeQuery("update device_login_failure set locked_until = ?1 where nonce_hash = ?2")
                .setParameter(1, until).setParameter(2, device.nonceHash()).executeUpdate();
    }

    /** A successful login with the cookie: its failures in a row are over. */
    void forget(DeviceCookies.Device device) {
        em.createNativeQuery("delete from device_login_failure where nonce_hash = ?1")
                .setParameter(1, device.nonceHash()).executeUpdate();
    }

    /** A coordinator's unlock (a password reset): every device lock and count of the account goes; returns whether one was locked. */
    boolean forgetAccount(long accountId, Instant now) {
        @SuppressWarnings("unchecked")
        List<Object> locked = em.createNativeQuery("delete from device_login_failure where account_id = ?1 returning locked_until")
                .setParameter(1, accountId).getResultList();
        return locked.stream().map(DbTimes::instant).anyMatch(until -> until != null && until.isAfter(now));
    }

    /**
     * The trusted browsers locked now, per account: how many and until when the last lock lasts. Keyed by account id;
     * accounts with none are absent. For the Akun page, which shows a counsellor's own browser locked.
     */
    Map<Long, AccountService.BrowserLocks> lockedBrowsers(Instant now) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select account_id, count(*), max(locked_until) from device_login_failure "
                + "where locked_until > ?1 group by account_id").setParameter(1, now).getResultList();
        Map<Long, AccountService.BrowserLocks> locks = new java.util.HashMap<>();
        for (Object[] row : rows) {
            locks.put(((Number) row[0]).longValue(), new AccountService.BrowserLocks(((Number) row[1]).intValue(), DbTimes.instant(row[2])));
        }
        return locks;
    }

}
