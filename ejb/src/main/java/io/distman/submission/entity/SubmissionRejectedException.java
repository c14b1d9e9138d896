package io.distman.submission.entity;

import io.distman.platform.entity.FieldError;
import jakarta.ejb.ApplicationException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A malformed request. Nothing of it was stored; the caller's transaction is rolled back with it
 * because a half-accepted email is worse than none.
 */
@ApplicationException(rollback = true)
public class SubmissionRejectedException extends RuntimeException {

    private final List<FieldError> errors;

    public SubmissionRejectedException(List<FieldError> errors) {
        super("Invalid email request: " + errors.stream().map(FieldError::toString).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
