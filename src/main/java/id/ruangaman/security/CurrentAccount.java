package id.ruangaman.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;

/** The logged-in account of this request, for resources and the shared layout ({@code inject:currentAccount}). */
@RequestScoped
@Named("currentAccount")
public class CurrentAccount {

    private final SecurityIdentity identity;
    private final AccountRepository accounts;
    private Account account;

    private final String ownerKey;

    CurrentAccount(SecurityIdentity identity, AccountRepository accounts,
            @ConfigProperty(name = SessionKeyConfigSource.PROPERTY) String sessionKey) {
        this.identity = identity;
        this.accounts = accounts;
        this.ownerKey = sessionKey;
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

    /**
     * Whose typing a page of this account keeps in its browser tab (inbox.js: the text of a form posted after the session
     * ended waits in the tab for the login): HMAC-SHA256 over the username, keyed from the session cookie's key, base64url
     * (43 characters), the same for every session of the account and every instance of a deployment. It tells a page
     * whether the account now logged in is the one that typed, and says nothing of who that is. Null when anonymous.
     */
    public String getTypedOwner() {
        if (identity.isAnonymous()) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(("ruangaman/typed-owner/v1:" + ownerKey).getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(getUsername().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
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
            account = accounts.findByUsername(getUsername()).orElseThrow(() -> new UnauthorizedException());
        }
        return account;
    }

    public long id() {
        return account().id;
    }
}
