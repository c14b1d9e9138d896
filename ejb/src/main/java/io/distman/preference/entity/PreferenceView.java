package io.distman.preference.entity;

import java.io.Serializable;
import java.time.Instant;

/**
 * An address's preferences as screens and the REST API show them. An address nobody set has the defaults (not opted
 * out, no digest) and no {@code changedBy}.
 */
public record PreferenceView(String address, boolean optedOut, DigestFrequency digest, String digestWeekday,
                             String digestTime, String digestZone, Instant nextDigestAt, String changedBy,
                             Instant changedAt) implements Serializable {

    public static PreferenceView defaults(String address) {
        return new PreferenceView(address, false, DigestFrequency.NONE, null, null, null, null, null, null);
    }

    public static PreferenceView of(RecipientPreference p) {
        return new PreferenceView(p.getAddress(), p.isOptedOut(), p.getDigest(), p.getDigestWeekday(), p.getDigestTime(),
                p.getDigestZone(), p.getNextDigestAt(), p.getChangedBy(), p.getChangedAt());
    }

    /** What the View dialog and the support list say in a few words. */
    public String summary() {
        String mail = optedOut ? "Opted out of non-essential mail" : "Receives all mail";
        return switch (digest) {
            case NONE -> mail;
            case DAILY -> mail + "; BULK mail in a daily digest at " + digestTime + " (" + digestZone + ")";
            case WEEKLY -> mail + "; BULK mail in a weekly digest on " + digestWeekday + " at " + digestTime + " ("
                    + digestZone + ")";
        };
    }
}
