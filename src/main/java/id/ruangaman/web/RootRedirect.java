package id.ruangaman.web;

import jakarta.enterprise.event.Observes;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;

/** {@code http://host/} opens the counsellor inbox (which asks for a login); the Quarkus Dev UI stays at /q/dev-ui. */
class RootRedirect {

    void route(@Observes Router router) {
        router.route(HttpMethod.GET, "/").order(-100).handler(rc -> rc.response().setStatusCode(303)
                .putHeader("Location", "/inbox").end());
    }
}
