package io.distman.account.entity;

import java.time.Instant;

/**
 * The answer to one sign-in: the user and their role, or refused, or refused because the username or the
 * client address is locked until {@code lockedUntil}. Refusals never say whether the username exists.
 */
public record SignInResult(Outcome outcome, String username, UserRole role, Instant lockedUntil) {

    public enum Outcome { SIGNED_IN, REFUSED, LOCKED, SUSPENDED }

    public static SignInResult signedIn(String username, UserRole role) {
        return new SignInResult(Outcome.SIGNED_IN, username, role, null);
    }

    public static SignInResult refused() {
        return new SignInResult(Outcome.REFUSED, null, null, null);
    }

    /** The right password of a user whose agency's account is suspended: told so, as only the user can get here. */
    public static SignInResult suspended() {
        return new SignInResult(Outcome.SUSPENDED, null, null, null);
    }

    public static SignInResult locked(Instant until) {
        return new SignInResult(Outcome.LOCKED, null, null, until);
    }

    public boolean signedIn() {
        return outcome == Outcome.SIGNED_IN;
    }
}
