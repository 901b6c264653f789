package id.ruangaman.security;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Login protection for the inbox. Override with RUANGAMAN_SECURITY_*. */
@ConfigMapping(prefix = "ruangaman.security")
public interface SecurityConfig {

    /** Failed logins in a row before the account locks. */
    @WithDefault("5")
    int maxFailedLogins();

    /** How long a locked account stays locked. */
    @WithDefault("15M")
    Duration lockoutDuration();

    /** Shortest password accepted for a new account or a reset. */
    @WithDefault("12")
    int minPasswordLength();
}
