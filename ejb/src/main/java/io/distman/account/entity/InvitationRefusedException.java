package io.distman.account.entity;

import jakarta.ejb.ApplicationException;

/**
 * A set-password link that cannot be used: unknown, expired, already used or replaced, or its user
 * deactivated. One message for all, so the page tells a guesser nothing.
 */
@ApplicationException(rollback = true)
public class InvitationRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvitationRefusedException() {
        super("This link cannot be used: it is unknown, expired or was used already. Ask your administrator for a new one.");
    }
}
