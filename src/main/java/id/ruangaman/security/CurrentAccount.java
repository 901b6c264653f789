package id.ruangaman.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import io.quarkus.security.identity.SecurityIdentity;

/** The logged-in account of this request, for resources and the shared layout ({@code inject:currentAccount}). */
@RequestScoped
@Named("currentAccount")
public class CurrentAccount {

    private final SecurityIdentity identity;
    private final AccountRepository accounts;
    private Account account;

    CurrentAccount(SecurityIdentity identity, AccountRepository accounts) {
        this.identity = identity;
        this.accounts = accounts;
    }

    public boolean isLoggedIn() {
        return !identity.isAnonymous();
    }

    public String getUsername() {
        return identity.isAnonymous() ? "anonymous" : AccountSessions.username(identity.getPrincipal().getName());
    }

    /** The server-side session of this request ({@link AccountSessions}), or null when anonymous. */
    public String sessionId() {
        return identity.isAnonymous() ? null : AccountSessions.sessionId(identity.getPrincipal().getName());
    }

    public boolean isCoordinator() {
        return identity.hasRole(Role.COORDINATOR);
    }

    public boolean isPimpinan() {
        return identity.hasRole(Role.PIMPINAN);
    }

    /** The account row; loads it on first use. Blocking: worker threads only. */
    public Account account() {
        if (account == null) {
            account = accounts.findByUsername(getUsername()).orElseThrow(() -> new io.quarkus.security.UnauthorizedException());
        }
        return account;
    }

    public long id() {
        return account().id;
    }
}
