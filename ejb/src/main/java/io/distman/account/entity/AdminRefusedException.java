package io.distman.account.entity;

import io.distman.platform.entity.FieldError;
import jakarta.ejb.ApplicationException;

/**
 * An account administration change refused (an unusable username, the last active admin demoting
 * themselves, a user who is not support staff...): nothing was changed. Names the field, for the form and
 * the REST API's 400.
 */
@ApplicationException(rollback = true)
public class AdminRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final FieldError error;

    public AdminRefusedException(String field, String message) {
        super(field + ": " + message);
        this.error = new FieldError(field, message);
    }

    public FieldError error() {
        return error;
    }
}
