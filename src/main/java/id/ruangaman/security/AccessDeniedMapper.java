package id.ruangaman.security;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import id.ruangaman.audit.AuditAction;
import id.ruangaman.audit.AuditLog;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;

/** A role check that fails (a counsellor on a coordinator page) answers 403 and is audited. */
class AccessDeniedMapper {

    private final AuditLog audit;
    private final SecurityIdentity identity;

    AccessDeniedMapper(AuditLog audit, SecurityIdentity identity) {
        this.audit = audit;
        this.identity = identity;
    }

    @Blocking
    @ServerExceptionMapper(ForbiddenException.class)
    Response denied(ForbiddenException e, UriInfo uri) {
        String path = uri.getPath();
        audit.record(identity.isAnonymous() ? null : identity.getPrincipal().getName(), AuditAction.ACCESS_DENIED, null,
                "path:" + (path.length() > 150 ? path.substring(0, 150) : path));
        return Response.status(403).type(MediaType.TEXT_PLAIN).entity("forbidden").build();
    }
}
