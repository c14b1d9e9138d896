package io.distman.feedback.entity;

/**
 * The request could not be shown to come from the provider: bad or missing signature or credentials,
 * stale timestamp, replayed token. The endpoint answers 401/403 and must not process anything.
 */
@jakarta.ejb.ApplicationException(rollback = true)
public class WebhookRejectedException extends Exception {

    private static final long serialVersionUID = 1L;

    public WebhookRejectedException(String message) {
        super(message);
    }

    public WebhookRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
