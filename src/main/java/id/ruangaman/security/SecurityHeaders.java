package id.ruangaman.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;

/**
 * Headers for every inbox page, the login page and their redirects: a CSP without inline script,
 * no framing, nothing cached, no referrer. Webhooks and health endpoints are left alone.
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
                    headers.set("Content-Security-Policy", CSP);
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
