package id.ruangaman.security;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import id.ruangaman.audit.AuditAction;
import id.ruangaman.audit.AuditLog;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/** A role check that fails (a counsellor on a coordinator page) answers 403 and is audited. */
class AccessDeniedMapper {

    private final AuditLog audit;
    private final SecurityIdentity identity;

    AccessDeniedMapper(AuditLog audit, SecurityIdentity identity) {
        this.audit = audit;
        this.identity = identity;
    }

    /** The audit row is written on a worker thread: the check may fail on the IO thread. */
    @ServerExceptionMapper(ForbiddenException.class)
    Uni<Response> denied(ForbiddenException e, UriInfo uri) {
        String path = uri.getPath();
        String actor = identity.isAnonymous() ? null : AccountSessions.username(identity.getPrincipal().getName());
        return Uni.createFrom().item(() -> {
            audit.record(actor, AuditAction.ACCESS_DENIED, null, "path:" + (path.length() > 150 ? path.substring(0, 150) : path));
            return Response.status(403).type(MediaType.TEXT_PLAIN).entity("forbidden").build();
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }
}
