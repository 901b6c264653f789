package id.ruangaman.security;

import jakarta.annotation.Priority;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.Priorities;

/**
 * A blank or too short {@code QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY} (fewer than 32 characters) counts as
 * unset: the key derived from RUANGAMAN_DATA_KEY ({@link SessionKeyConfigSource}) applies, as it would without
 * the variable. Without this, a blank copied from .env.example shadows the derived key and Quarkus generates a
 * temporary key and prints it in a warning, where anyone reading the log can mint a session cookie.
 */
@Priority(Priorities.APPLICATION + 100)
public class SessionKeyInterceptor implements ConfigSourceInterceptor {

    /** Quarkus requires at least 16; a key this short is a mistake, not a secret. */
    static final int MIN_LENGTH = 32;

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue value = context.proceed(name);
        if (!SessionKeyConfigSource.PROPERTY.equals(name) || usable(value)) {
            return value;
        }
        ConfigValue derived = SessionKeyConfigSource.derivedValue(context.proceed("ruangaman.data-key"),
                context.proceed("quarkus.profile"), context.proceed(SessionKeyConfigSource.DEV_KEY_FILE));
        return derived != null ? derived : null;
    }

    private static boolean usable(ConfigValue value) {
        return value != null && value.getValue() != null && value.getValue().trim().length() >= MIN_LENGTH;
    }
}
