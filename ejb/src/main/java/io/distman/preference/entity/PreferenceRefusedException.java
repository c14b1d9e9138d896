package io.distman.preference.entity;

import io.distman.platform.entity.FieldError;
import jakarta.ejb.ApplicationException;
import java.util.List;

/** A preference change that cannot be made as asked, naming each bad field; nothing was changed. */
@ApplicationException(rollback = true)
public class PreferenceRefusedException extends RuntimeException {

    private final List<FieldError> errors;

    public PreferenceRefusedException(List<FieldError> errors) {
        super(errors.toString());
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
