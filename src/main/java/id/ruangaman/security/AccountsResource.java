package id.ruangaman.security;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

import id.ruangaman.web.InboxLocale;
import id.ruangaman.web.Refusals;
import id.ruangaman.web.Refused;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** Coordinators manage accounts: create, change the role, deactivate/reactivate, reset passwords. */
@Path("/inbox/accounts")
@RolesAllowed(Role.COORDINATOR)
public class AccountsResource {

    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[0-9]{1,18}");

    @CheckedTemplate
    static class Templates {
        /**
         * {@code error}: why a form was refused, said next to that form: the name of account {@code nameFor} (with
         * {@code typedName}, what was typed, kept), else the role of account {@code roleFor} (with {@code role}, the role
         * chosen, kept), else the deactivation or reactivation of account {@code activeFor}, else the reset of account
         * {@code refusedFor}, else the new account's.
         */
        static native TemplateInstance list(List<Account> accounts, String username, String role, String error, Long refusedFor,
                Long nameFor, String typedName, Long roleFor, Long activeFor, int minLength, java.time.Instant now, java.util.Map<Long, AccountService.BrowserLocks> browserLocks,
                java.util.Map<Long, Long> returnedCases, java.util.Map<String, String> fieldErrors);
    }

    private final AccountRepository accounts;
    private final AccountService service;
    private final CurrentAccount current;
    private final InboxLocale locale;
    private final SecurityConfig config;
    private final java.time.Clock clock;
    private final id.ruangaman.web.SavedNotice saved;

    AccountsResource(AccountRepository accounts, AccountService service, CurrentAccount current, InboxLocale locale,
            SecurityConfig config, java.time.Clock clock, id.ruangaman.web.SavedNotice saved) {
        this.saved = saved;
        this.clock = clock;
        this.config = config;
        this.accounts = accounts;
        this.service = service;
        this.current = current;
        this.locale = locale;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list() {
        // After a reset the account's row says its password was reset, and whether that lifted a lock (walkthrough 9,
        // finding 15): web.SavedNotice, once, nothing in the URL.
        return locale.apply(Templates.list(accounts.allByName(), null, null, null, null, null, null, null, null, config.minPasswordLength(),
                java.time.Instant.now(clock), service.lockedBrowsers(java.time.Instant.now(clock)), accounts.returnedCasesWaiting(), java.util.Map.of()));
    }

    /**
     * A refused form is shown again at once with what was typed (the new account's name and role; never a password)
     * and the reason, including the password rule's numbers when that was the reason.
     */
    private Response refused(Refused e, String username, String role, Long refusedFor) {
        return refused(e, username, role, refusedFor, null, null);
    }

    private Response refused(Refused e, String username, String role, Long refusedFor, Long nameFor, String typedName) {
        return refused(e, username, role, refusedFor, nameFor, typedName, null);
    }

    private Response refused(Refused e, String username, String role, Long refusedFor, Long nameFor, String typedName, Long roleFor) {
        return refused(e, username, role, refusedFor, nameFor, typedName, roleFor, null);
    }

    private Response refused(Refused e, String username, String role, Long refusedFor, Long nameFor, String typedName, Long roleFor,
            Long activeFor) {
        if (e.status() != 400 && e.status() != 409) {
            throw e;
        }
        if (e instanceof id.ruangaman.web.TextTooLong tooLong) {
            locale.refusedText(tooLong); // the reason says the length and the limit
        }
        String error = Refusals.reasonKey(e.getMessage(), e.status());
        return Response.status(e.status()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(locale.apply(
                Templates.list(accounts.allByName(), username, role, error, refusedFor, nameFor, typedName, roleFor, activeFor, config.minPasswordLength(),
                        java.time.Instant.now(clock), service.lockedBrowsers(java.time.Instant.now(clock)), accounts.returnedCasesWaiting(), java.util.Map.of()))).build();
    }

    /**
     * Creates an account ({@link AccountService#create}). A refused form is shown again at once with every wrong field's
     * reason beside that field ({@link AccountService#creationRefusals}: the username, the role, the password), and what
     * was typed kept (the username, the role; never the password): 409 when the only reason is a taken username, else 400.
     */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response create(@RestForm String username, @RestForm String role, @RestForm String password) {
        String typed = username == null || username.length() > 64 ? null : username;
        String chosen = Role.isValid(role) ? role : null;
        String name = username == null ? null : username.trim();
        java.util.Map<String, Refused> refusals = service.creationRefusals(name, role, password);
        if (!refusals.isEmpty()) {
            java.util.Map<String, String> reasons = new java.util.LinkedHashMap<>();
            refusals.forEach((field, e) -> reasons.put(field, Refusals.reasonKey(e.getMessage(), e.status())));
            int status = refusals.values().stream().allMatch(e -> e.status() == 409) ? 409 : 400;
            java.time.Instant now = java.time.Instant.now(clock);
            return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(locale.apply(
                    Templates.list(accounts.allByName(), typed, chosen, null, null, null, null, null, null, config.minPasswordLength(),
                            now, service.lockedBrowsers(now), accounts.returnedCasesWaiting(), reasons))).build();
        }
        try {
            service.create(current.getUsername(), name, role, password);
        } catch (Refused e) {
            return refused(e, typed, chosen, null);
        }
        return back();
    }

    /**
     * Deactivates ({@code active=false}) or reactivates the account ({@link AccountService#setActive}). Its row then says
     * what happened: deactivated, reactivated, or (an older tab's press) that it already had that state; and while open
     * cases its deactivation returned to the queue wait unassigned, how many, with a link to them. A refused change
     * (the actor's own account; the last active coordinator, as when two coordinators deactivate or demote each other at
     * the same moment) is shown again at once, 409, with the reason in that account's row.
     */
    @POST
    @Path("/{id}/active")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response active(@RestPath("id") String path, @RestForm String active) {
        long id = accountId(path);
        try {
            boolean activate = "true".equals(active);
            AccountService.ActiveChange change = service.setActive(current.getUsername(), id, activate);
            saved.choose((change.changed() ? (activate ? "account-activated-" : "account-deactivated-")
                    : (activate ? "account-already-active-" : "account-already-inactive-")) + id);
        } catch (Refused e) {
            return refused(e, null, null, null, null, null, null, id);
        }
        return back();
    }

    @POST
    @Path("/{id}/password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response password(@RestPath("id") String path, @RestForm String password) {
        long id = accountId(path);
        boolean unlocked;
        try {
            unlocked = service.resetPassword(current.getUsername(), id, password);
        } catch (Refused e) {
            return refused(e, null, null, id);
        }
        if (unlocked) {
            saved.choose("account-unlocked-" + id);
        }
        return back();
    }

    /**
     * The account's role ({@code role}: counsellor, coordinator or pimpinan; {@link AccountService#setRole}), effective on
     * its next request. A refused change (the last active coordinator, leadership for an account with open cases, a role
     * that does not exist) is shown again in that account's row with the reason and the role chosen.
     */
    @POST
    @Path("/{id}/role")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response role(@RestPath("id") String path, @RestForm String role) {
        long id = accountId(path);
        try {
            service.setRole(current.getUsername(), id, role);
        } catch (Refused e) {
            return refused(e, null, Role.isValid(role) ? role : null, null, null, null, id);
        }
        // an account that takes its own coordinator role away may no longer open this page
        return current.account().id == id && !Role.COORDINATOR.equals(role) ? Response.seeOther(URI.create("/inbox")).build() : back();
    }

    /**
     * Lifts the account's login locks (after repeated wrong passwords: for unknown browsers, and of its trusted ones),
     * its password and sessions unchanged; audited ({@link AccountService#unlock}). Back to the list, its row saying so.
     */
    @POST
    @Path("/{id}/unlock")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response unlock(@RestPath("id") String path) {
        long id = accountId(path);
        service.unlock(current.getUsername(), id);
        return back();
    }

    /**
     * The name of the person who uses the account ({@code full_name}, at most {@link AccountService#MAX_NAME} characters;
     * blank clears it), as letters print it. A refused name is shown again in its row's form with the reason.
     */
    @POST
    @Path("/{id}/name")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response name(@RestPath("id") String path, @RestForm("full_name") String fullName) {
        long id = accountId(path);
        try {
            service.setName(current.getUsername(), id, fullName);
        } catch (Refused e) {
            return refused(e, null, null, null, id, fullName);
        }
        return back();
    }

    /**
     * The account id of a path ({@code /inbox/accounts/<id>/...}): digits only, at most 18 of them. Anything else
     * ({@code abc}, a negative or too long number) is no account: 404 {@code no such account}, which a browser sees as the
     * inbox's error page with that reason ({@link id.ruangaman.web.RefusalPage}), as it sees an id no account has.
     */
    static long accountId(String path) {
        if (path == null || !ID.matcher(path).matches()) {
            throw Refused.notFound("no such account");
        }
        return Long.parseLong(path);
    }

    private static Response back() {
        return Response.seeOther(URI.create("/inbox/accounts")).build();
    }
}
