package io.distman.feedback.entity;

import jakarta.ejb.ApplicationException;

/** A provider's webhook was called but its credentials are not set: answered 503 so the provider retries. */
@ApplicationException(rollback = true)
public class WebhookNotConfiguredException extends RuntimeException {

    public WebhookNotConfiguredException(String message) {
        super(message);
    }
}
