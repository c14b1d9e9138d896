package io.distman.account.control;

import io.distman.account.entity.InvalidSettingsException;

/** A person's name for a thing (a key's label, an account's name): required, bounded, one line of text. */
public final class Labels {

    private Labels() {
    }

    /** @return the label stripped; @throws InvalidSettingsException naming the field */
    public static String check(String field, String value, int maxLength) {
        String label = value == null ? "" : value.strip();
        if (label.isEmpty()) {
            throw new InvalidSettingsException(field, field + ": is required");
        }
        if (label.length() > maxLength) {
            throw new InvalidSettingsException(field, field + ": must be at most " + maxLength + " characters");
        }
        if (label.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidSettingsException(field, field + ": must be one line without control characters");
        }
        return label;
    }
}
