package id.ruangaman.security;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import id.ruangaman.web.RefusalPage;
import id.ruangaman.web.Refusals;
import io.vertx.core.http.HttpServerRequest;

import id.ruangaman.audit.AuditAction;
import id.ruangaman.audit.AuditLog;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * A role check that fails (a counsellor on a coordinator page) answers 403 and is audited; a browser's refused form
 * is shown its page again with the reason ({@link Refusals}); a page opened by a link or bookmark is shown as the
 * inbox's error page with the reason ({@link RefusalPage}).
 */
class AccessDeniedMapper {

    private final AuditLog audit;
    private final SecurityIdentity identity;
    private final RefusalPage page;

    AccessDeniedMapper(AuditLog audit, SecurityIdentity identity, RefusalPage page) {
        this.audit = audit;
        this.identity = identity;
        this.page = page;
    }

    /** The audit row is written on a worker thread: the check may fail on the IO thread. */
    @ServerExceptionMapper(ForbiddenException.class)
    Uni<Response> denied(ForbiddenException e, UriInfo uri, HttpServerRequest request) {
        String path = uri.getPath();
        String actor = identity.isAnonymous() ? null : AccountSessions.username(identity.getPrincipal().getName());
        // A page opened by a link or bookmark is rendered here, on the request's thread (the layout reads the request).
        Response shown = RefusalPage.applies(request, 403) ? page.render(403, e.getMessage(), request) : null;
        return Uni.createFrom().item(() -> {
            audit.record(actor, AuditAction.ACCESS_DENIED, null, "path:" + (path.length() > 150 ? path.substring(0, 150) : path));
            if (Refusals.redisplay(request.method().name(), path, request.getHeader(HttpHeaders.ACCEPT),
                    request.getHeader(HttpHeaders.CONTENT_TYPE), 403)) {
                return Refusals.redirect(path, Refusals.reasonKey(e.getMessage(), 403));
            }
            return shown != null ? shown : Response.status(403).type(MediaType.TEXT_PLAIN).entity("forbidden").build();
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }
}
