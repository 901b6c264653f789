package id.ruangaman.web;

import java.security.SecureRandom;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/**
 * A fresh one-time token for each form a page renders ({@code inject:once.token}, field {@value SubmittedOnce#FIELD}):
 * 128 random bits, base64url (22 characters). Both posts of a form sent twice carry the same token, so
 * {@link SubmittedOnce} does the second as nothing; two tabs, or the page opened again, render new ones.
 */
@ApplicationScoped
@Named("once")
public class OnceTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    public String getToken() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public String getParameterName() {
        return SubmittedOnce.FIELD;
    }
}
