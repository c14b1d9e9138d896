package io.distman.account.entity;

import java.time.Instant;

/**
 * A set-password link just issued: the token is in no table (only its hash), so this is the one moment it can
 * be shown to the admin; it was mailed to the user too when they have an address.
 *
 * @param token the secret of the link ({@code /invite.xhtml?token=...})
 * @param mailedTo the address the link was mailed to, or null when the user has none
 */
public record Invitation(String username, String token, Instant expiresAt, String mailedTo) {

    /** The page a link opens, below the application's root. */
    public static final String PAGE = "invite.xhtml?token=";

    /** The link below the application's public root (which ends without a slash). */
    public String link(String root) {
        return root + "/" + PAGE + token;
    }
}
