package io.distman.account.entity;

import jakarta.ejb.ApplicationException;

/** Account settings that cannot work (a blank API key, a domain that is no host name...): nothing was changed. */
@ApplicationException(rollback = true)
public class InvalidSettingsException extends RuntimeException {

    public InvalidSettingsException(String message) {
        super(message);
    }
}
