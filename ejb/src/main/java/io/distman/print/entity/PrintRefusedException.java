package io.distman.print.entity;

import jakarta.ejb.ApplicationException;

/** A print request that cannot be done as asked (too many letters, none, or ids not in the queue); nothing is written. */
@ApplicationException(rollback = true)
public class PrintRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PrintRefusedException(String message) {
        super(message);
    }
}
