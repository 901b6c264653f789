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

    private final String typedSecret;

    CurrentAccount(SecurityIdentity identity, AccountRepository accounts,
            @ConfigProperty(name = SessionKeyConfigSource.PROPERTY) String sessionKey) {
        this.identity = identity;
        this.accounts = accounts;
        this.typedSecret = sessionKey;
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
     * The key with which a page of this account seals, in its browser tab, what was typed into a form posted after the
     * session ended (inbox.js keeps it there for the login; WebCrypto AES-GCM-256): HMAC-SHA256 over the username, keyed
     * from the session cookie's key with its own label (never the session id, and never logged), base64url of the 32
     * bytes (43 characters). The same for every session of the account and every instance of a deployment, so the same
     * account's first page after the login opens the text again; the login page carries no key, and another account's
     * key fails to open it, so the text is dropped unread.
     *
     * <p>What it meets: someone at a shared computer who opens the browser's developer tools while the login page shows,
     * or after nobody logged in, reads only ciphertext in the tab's storage. What it does not meet: someone who logs in as
     * that same account (knowing its password, or on a browser it is still logged in on) gets the key and the text, as
     * they would get every case that account opens. Null when anonymous.
     */
    public String getTypedKey() {
        return identity.isAnonymous() ? null : typedKey(typedSecret, getUsername());
    }

    /** The key of {@link #getTypedKey} for the account {@code username}, with the server's secret. */
    static String typedKey(String secret, String username) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(("ruangaman/typed-key/v1:" + secret).getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
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
