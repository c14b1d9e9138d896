package io.distman.platform.entity;

import jakarta.ejb.ApplicationException;

/** No such message or delivery in the caller's account (another account's ids look the same as none). */
@ApplicationException(rollback = true)
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
