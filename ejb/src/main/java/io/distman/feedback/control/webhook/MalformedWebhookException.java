package io.distman.feedback.control.webhook;

/**
 * The body is not what the provider sends (broken JSON, wrong structure). The endpoint answers 400.
 * Unchecked so that {@link ProviderEventParser#parse} keeps a single checked failure: the one a
 * caller must not confuse with a client error, because retrying a rejected request cannot help.
 */
@jakarta.ejb.ApplicationException(rollback = true)
public class MalformedWebhookException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MalformedWebhookException(String message) {
        super(message);
    }

    public MalformedWebhookException(String message, Throwable cause) {
        super(message, cause);
    }
}
