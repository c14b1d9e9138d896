package io.distman.ratelimit.entity;

import io.distman.platform.entity.FieldError;
import jakarta.ejb.ApplicationException;

/** A limit that cannot be set (not positive, too large, not a domain): nothing was changed. */
@ApplicationException(rollback = true)
public class InvalidLimitException extends RuntimeException {

    private final FieldError error;

    public InvalidLimitException(String field, String message) {
        super(field + ": " + message);
        this.error = new FieldError(field, message);
    }

    public FieldError error() {
        return error;
    }
}
