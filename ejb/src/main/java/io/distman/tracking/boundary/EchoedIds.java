package io.distman.tracking.boundary;

/**
 * The name under which we ask a provider to echo our delivery id back in its events (Mailgun user
 * variables, Postmark metadata, SES tags, SendGrid custom arguments). Dispatch writes it and feedback
 * reads it, so it lives below both.
 */
public final class EchoedIds {

    public static final String KEY = "distman-delivery-id";

    private EchoedIds() {
    }
}
