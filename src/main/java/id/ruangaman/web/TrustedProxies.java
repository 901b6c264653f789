package id.ruangaman.web;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * Warns at start-up about entries of {@code quarkus.http.proxy.trusted-proxies} that Quarkus will treat as host names.
 * Quarkus resolves a host-name entry through DNS on every request from a proxy it checks (quarkusio/quarkus#30084), so
 * one such entry slows every request, by seconds where DNS is slow or absent. Measured here: {@code 127.0.0.1,::1}
 * served 8 requests/s on one keep-alive connection, {@code 127.0.0.1,::1/128} about 15,000. A bare IPv6 address
 * counts as a host name; written as CIDR ({@code ::1/128}) it does not.
 */
@Singleton
class TrustedProxies {

    private static final Logger LOG = Logger.getLogger(TrustedProxies.class);
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3}\\.){3}\\d{1,3}(/\\d{1,2})?");
    private static final Pattern IPV6_CIDR = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*/\\d{1,3}");

    static void onStart(@Observes StartupEvent event) {
        Optional<String> configured = ConfigProvider.getConfig().getOptionalValue("quarkus.http.proxy.trusted-proxies", String.class);
        List<String> slow = hostNameEntries(configured.orElse(""));
        if (!slow.isEmpty()) {
            LOG.warnf("QUARKUS_HTTP_PROXY_TRUSTED_PROXIES has entries that are looked up in DNS on every request: %s. "
                    + "Use IP addresses or CIDR ranges; write IPv6 with its prefix, e.g. ::1/128", slow);
        }
    }

    /** The entries of a comma-separated trusted-proxies value that are neither IPv4 (optionally CIDR) nor IPv6 CIDR. */
    static List<String> hostNameEntries(String value) {
        return java.util.Arrays.stream(value.split(",")).map(String::trim).filter(entry -> !entry.isEmpty())
                .filter(entry -> !IPV4.matcher(entry).matches() && !IPV6_CIDR.matcher(entry).matches()).toList();
    }
}
