package io.distman.bounce.entity;

import java.util.Locale;
import java.util.Optional;

/**
 * Why a message came back. The vocabulary is Sisimai's reason taxonomy so that results can be
 * compared with, and explained by, its documentation.
 */
public enum Reason {
    AUTHFAILURE, BADREPUTATION, BLOCKED, CONTENTERROR, DELIVERED, EXCEEDLIMIT, EXPIRED,
    FEEDBACK, FILTERED, HASMOVED, HOSTUNKNOWN, MAILBOXFULL, MAILERERROR, MESGTOOBIG,
    NETWORKERROR, NORELAYING, NOTACCEPT, NOTCOMPLIANTRFC, ONHOLD, POLICYVIOLATION, REJECTED,
    REQUIREPTR, SECURITYERROR, SPAMDETECTED, SPEEDING, SUSPEND, SYNTAXERROR, SYSTEMERROR,
    SYSTEMFULL, TOOMANYCONN, UNDEFINED, USERUNKNOWN, VACATION, VIRUSDETECTED;

    /** The lower-case word Sisimai uses for this reason. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Reason> fromLabel(String label) {
        if (label == null || label.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(label.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Reasons that say nothing definite: a later, more specific signal (text pattern, remote
     * host rule) may replace them. Mirrors the set Sisimai re-examines.
     */
    public boolean isTentative() {
        return switch (this) {
            case UNDEFINED, ONHOLD, SYSTEMERROR, SECURITYERROR, EXPIRED, NETWORKERROR,
                 HOSTUNKNOWN, USERUNKNOWN -> true;
            default -> false;
        };
    }
}
