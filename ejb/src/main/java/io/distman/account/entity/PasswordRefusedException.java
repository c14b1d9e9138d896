package io.distman.account.entity;

import io.distman.platform.entity.FieldError;
import jakarta.ejb.ApplicationException;

/** A password the policy refuses; nothing was stored (the user being added is rolled back with it). */
@ApplicationException(rollback = true)
public class PasswordRefusedException extends RuntimeException {

    private final FieldError error;

    public PasswordRefusedException(FieldError error) {
        super(error.toString());
        this.error = error;
    }

    public FieldError error() {
        return error;
    }
}
