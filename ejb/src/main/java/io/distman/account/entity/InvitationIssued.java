package io.distman.account.entity;

import java.time.Instant;

/**
 * A CDI event fired when an admin issues a set-password link for a user who has an email address: the
 * application's own mail (feature notification) sends it after the transaction commits. It holds the token,
 * so it is never stored or logged.
 */
public record InvitationIssued(long accountId, String username, String displayName, String email, String token,
                               Instant expiresAt, String invitedBy) {

    @Override
    public String toString() {
        return "InvitationIssued[" + accountId + ", " + username + "]"; // never the token
    }
}
