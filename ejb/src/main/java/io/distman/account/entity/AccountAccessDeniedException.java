package io.distman.account.entity;

import jakarta.ejb.ApplicationException;

/**
 * The caller may not act for the account its request names (or there is no such account: the two are not
 * told apart, so a caller cannot probe for other agencies' codes). REST answers 403.
 */
@ApplicationException(rollback = true)
public class AccountAccessDeniedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AccountAccessDeniedException(String caller, String account) {
        super("caller '" + caller + "' may not act for account '" + account + "'");
    }
}
