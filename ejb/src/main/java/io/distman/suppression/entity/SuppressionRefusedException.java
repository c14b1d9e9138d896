package io.distman.suppression.entity;

import jakarta.ejb.ApplicationException;

/** A manual change to the suppression list that cannot be made as asked; nothing was changed. */
@ApplicationException(rollback = true)
public class SuppressionRefusedException extends RuntimeException {

    public SuppressionRefusedException(String message) {
        super(message);
    }
}
