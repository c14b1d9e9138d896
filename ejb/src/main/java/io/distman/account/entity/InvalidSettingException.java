package io.distman.account.entity;

import jakarta.ejb.ApplicationException;

/** An account setting was refused (a key that does not parse, an empty secret); nothing was stored. */
@ApplicationException(rollback = true)
public class InvalidSettingException extends RuntimeException {

    public InvalidSettingException(String message) {
        super(message);
    }
}
