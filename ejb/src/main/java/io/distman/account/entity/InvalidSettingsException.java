package io.distman.account.entity;

import jakarta.ejb.ApplicationException;

/**
 * Account settings that cannot work (a blank API key, a domain that is no host name...): nothing was changed. Names
 * the field of the administration APIs' JSON it is about ({@code relay.host}, {@code code}), so a refusal names it
 * without anyone reading the message for it; null when the whole request is refused.
 */
@ApplicationException(rollback = true)
public class InvalidSettingsException extends RuntimeException {

    private final String field;

    public InvalidSettingsException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String getField() {
        return field;
    }
}
