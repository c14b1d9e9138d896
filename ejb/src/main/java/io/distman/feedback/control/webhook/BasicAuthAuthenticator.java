package io.distman.feedback.control.webhook;

import io.distman.feedback.entity.WebhookRejectedException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;

/**
 * HTTP Basic credentials embedded in the webhook URL: Postmark signs nothing, so this is its only
 * proof of origin (besides an IP allow-list, which belongs to the network layer).
 */
public final class BasicAuthAuthenticator implements RequestAuthenticator {

    private final byte[] expectedDigest;

    public BasicAuthAuthenticator(String username, String password) {
        this(digest(username, password));
    }

    private BasicAuthAuthenticator(byte[] expectedDigest) {
        this.expectedDigest = expectedDigest.clone();
    }

    /** From a stored {@link #digest}: an account's Postmark password is never kept in clear. */
    public static BasicAuthAuthenticator ofDigest(byte[] digest) {
        if (digest == null || digest.length != 32) {
            throw new IllegalArgumentException("not a SHA-256 digest");
        }
        return new BasicAuthAuthenticator(digest);
    }

    /** SHA-256 of {@code username:password}, what a request's credentials are compared with. */
    public static byte[] digest(String username, String password) {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        if (username.indexOf(':') >= 0) {
            throw new IllegalArgumentException("a Basic auth user name cannot contain ':'");
        }
        return sha256(username + ":" + password);
    }

    @Override
    public void authenticate(byte[] body, Map<String, String> headers) throws WebhookRejectedException {
        String authorization = HeaderLookup.get(headers, "Authorization");
        if (authorization == null) {
            throw new WebhookRejectedException("missing Authorization header");
        }
        String value = authorization.strip();
        if (value.length() < 6 || !value.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw new WebhookRejectedException("Authorization is not Basic");
        }
        String credentials;
        try {
            credentials = new String(Base64.getDecoder().decode(value.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new WebhookRejectedException("Authorization is not valid Base64", e);
        }
        // Comparing fixed-length digests keeps the comparison time independent of where, and
        // whether in length, the given credentials differ.
        if (!MessageDigest.isEqual(expectedDigest, sha256(credentials))) {
            throw new WebhookRejectedException("wrong webhook credentials");
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must support SHA-256", e);
        }
    }
}
