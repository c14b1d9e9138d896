package io.distman.dispatch.entity;

/**
 * One delivery ready to go: the message rendered once (shared by all its recipients) plus what is
 * this recipient's own: its Message-ID, its return path and its envelope recipient.
 *
 * @param mime         the rendered message without a Message-ID header, shared between deliveries
 * @param envelopeFrom the per-delivery return path (VERP), so a bounce names the delivery it is about
 * @param relay        the account's own SMTP relay, or null for the installation's mail session
 * @param ownHeaders   header lines of this delivery alone (e.g. its List-Unsubscribe), CRLF-terminated, or ""
 */
public record OutgoingMail(long deliveryId, int attempt, String messageIdHeader, String envelopeFrom, String recipient,
                           byte[] mime, Relay relay, String ownHeaders) {

    /** An SMTP relay other than the installation's default. */
    public record Relay(String host, Integer port) {
    }
}
