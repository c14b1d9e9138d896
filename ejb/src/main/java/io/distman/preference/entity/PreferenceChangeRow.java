package io.distman.preference.entity;

import java.io.Serializable;
import java.time.Instant;

/** One line of an address's audit trail: which field went from what to what, who changed it and when. */
public record PreferenceChangeRow(String field, String oldValue, String newValue, String changedBy, Instant changedAt)
        implements Serializable {

    public static PreferenceChangeRow of(PreferenceChange c) {
        return new PreferenceChangeRow(c.getField(), c.getOldValue(), c.getNewValue(), c.getChangedBy(), c.getChangedAt());
    }
}
