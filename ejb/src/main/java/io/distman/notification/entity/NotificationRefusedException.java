package io.distman.notification.entity;

import jakarta.ejb.ApplicationException;

/** A change of notification settings the caller may not make (account defaults by a non-admin). */
@ApplicationException(rollback = true)
public class NotificationRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NotificationRefusedException(String message) {
        super(message);
    }
}
