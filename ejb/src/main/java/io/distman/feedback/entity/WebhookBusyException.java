package io.distman.feedback.entity;

/** The server cannot take the webhook now (queue full, shutting down): answered 503, so the provider retries. */
public class WebhookBusyException extends RuntimeException {

    public WebhookBusyException(String message) {
        super(message);
    }
}
