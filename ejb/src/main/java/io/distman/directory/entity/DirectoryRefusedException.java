package io.distman.directory.entity;

import io.distman.platform.entity.FieldError;
import jakarta.ejb.ApplicationException;
import java.util.List;
import java.util.stream.Collectors;

/** A filter or worklist change refused, naming each bad field; nothing of it was stored. */
@ApplicationException(rollback = true)
public class DirectoryRefusedException extends RuntimeException {

    private final List<FieldError> errors;

    public DirectoryRefusedException(List<FieldError> errors) {
        super("Refused: " + errors.stream().map(FieldError::toString).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public DirectoryRefusedException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
