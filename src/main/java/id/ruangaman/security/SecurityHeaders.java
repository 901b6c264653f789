package id.ruangaman.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;

/**
 * Headers for every inbox page, the login page and their redirects: a CSP without inline script (unless the
 * resource set a stricter one, as evidence downloads do: {@code sandbox}), no framing, nothing cached, no
 * referrer, and HSTS when the request came over HTTPS. Webhooks and health endpoints are left alone.
 */
@ApplicationScoped
class SecurityHeaders {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    void register(@Observes Filters filters) {
        filters.register(context -> {
            if (covered(context.normalizedPath())) {
                context.addHeadersEndHandler(ignored -> {
                    MultiMap headers = context.response().headers();
                    if (!headers.contains("Content-Security-Policy")) { // evidence keeps its own sandbox policy
                        headers.set("Content-Security-Policy", CSP);
                    }
                    if (context.request().isSSL()) { // HTTPS, directly or (quarkus.http.proxy.*) behind the proxy
                        headers.set("Strict-Transport-Security", "max-age=31536000");
                    }
                    headers.set("Cache-Control", "no-store");
                    headers.set("Pragma", "no-cache");
                    headers.set("Referrer-Policy", "no-referrer");
                    headers.set("X-Content-Type-Options", "nosniff");
                    headers.set("X-Frame-Options", "DENY");
                });
            }
            context.next();
        }, 100);
    }

    static boolean covered(String path) {
        return path.equals("/inbox") || path.startsWith("/inbox/") || path.equals("/login") || path.equals("/logout")
                || path.equals("/j_security_check") || path.startsWith("/inbox-assets/");
    }
}
