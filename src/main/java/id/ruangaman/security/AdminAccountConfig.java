package id.ruangaman.security;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** RUANGAMAN_ADMIN_USERNAME / RUANGAMAN_ADMIN_PASSWORD: the first coordinator, used only while no account exists. */
@ConfigMapping(prefix = "ruangaman.admin")
public interface AdminAccountConfig {

    Optional<String> username();

    Optional<String> password();
}
