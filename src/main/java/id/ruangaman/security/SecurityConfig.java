package id.ruangaman.security;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Login protection for the inbox. Override with RUANGAMAN_SECURITY_*. */
@ConfigMapping(prefix = "ruangaman.security")
public interface SecurityConfig {

    /**
     * Failed logins in a row before the account locks for untrusted clients (no valid device cookie), and before one
     * browser's device cookie locks ({@link DeviceCookies}).
     */
    @WithDefault("5")
    int maxFailedLogins();

    /** How long a locked account (for untrusted clients) or a locked device cookie stays locked. */
    @WithDefault("15M")
    Duration lockoutDuration();

    /**
     * How long the device cookie a browser gets at each successful login stays valid (ISO-8601 or Quarkus duration);
     * each login renews it. A browser that has not logged in for longer is an untrusted client again.
     */
    @WithDefault("P90D")
    Duration deviceCookieLifetime();

    /** Shortest password accepted for a new account or a reset. */
    @WithDefault("12")
    int minPasswordLength();
}
