package io.distman.identity.entity;

import io.distman.platform.entity.FieldError;
import jakarta.ejb.ApplicationException;

/** A sender identity that cannot be added (not a domain, not an address, already there): nothing was changed. */
@ApplicationException(rollback = true)
public class InvalidIdentityException extends RuntimeException {

    private final FieldError error;

    public InvalidIdentityException(String field, String message) {
        super(field + ": " + message);
        this.error = new FieldError(field, message);
    }

    public FieldError error() {
        return error;
    }
}
