package io.distman.dispatch.entity;

import io.distman.account.entity.RelaySecurity;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * One delivery ready to go: the message rendered once (shared by all its recipients) plus what is
 * this recipient's own: its Message-ID, its return path and its envelope recipient.
 *
 * @param mime         the rendered message without a Message-ID header; its pieces are shared between deliveries
 * @param envelopeFrom the per-delivery return path (VERP), so a bounce names the delivery it is about
 * @param route        how it leaves: an SMTP relay (host null: the installation's mail session) or Mailgun
 * @param ownHeaders   header lines of this delivery alone (e.g. its List-Unsubscribe), CRLF-terminated, or ""
 * @param tag          the message's category in lower case, for providers that group mail by tag
 * @param echoId       the signed delivery token we ask a provider to echo in its events (see {@code DeliveryTokens})
 */
public record OutgoingMail(long deliveryId, int attempt, String messageIdHeader, String envelopeFrom, String recipient,
                           RenderedMime mime, Route route, String ownHeaders, String tag, String echoId) {

    /** A mail rendered in one piece (no attachment of its own to share). */
    public OutgoingMail(long deliveryId, int attempt, String messageIdHeader, String envelopeFrom, String recipient,
                        byte[] mime, Route route, String ownHeaders, String tag, String echoId) {
        this(deliveryId, attempt, messageIdHeader, envelopeFrom, recipient, RenderedMime.of(mime), route, ownHeaders, tag,
                echoId);
    }

    /**
     * The header lines that precede the shared bytes in this delivery's copy: its Message-ID, then its
     * own headers. Every transport sends exactly these followed by {@link #mime()}, so the mail is the
     * same byte for byte whichever way it goes.
     */
    public byte[] ownHeaderBytes() {
        return ("Message-ID: " + messageIdHeader + "\r\n" + ownHeaders).getBytes(StandardCharsets.US_ASCII);
    }

    /** This mail with one more header line of its own (CRLF-terminated) in front of the others: its DKIM-Signature. */
    public OutgoingMail withOwnHeaderFirst(String line) {
        return new OutgoingMail(deliveryId, attempt, messageIdHeader, envelopeFrom, recipient, mime, route, line + ownHeaders,
                tag, echoId);
    }

    /** Where a delivery is handed over; deliveries of one route share one connection or client. */
    public sealed interface Route permits Relay, Mailgun, Unusable {
    }

    /**
     * An SMTP relay: the installation's mail session ({@link #DEFAULT}, host null) or an account's own, with
     * its security and AUTH (password opened for sending). toString() leaves the password out.
     */
    public record Relay(String host, Integer port, RelaySecurity security, String username, String password)
            implements Route {

        public static final Relay DEFAULT = new Relay(null, null, null, null, null);

        @Override
        public String toString() {
            return host == null ? "Relay[installation mail session]"
                    : "Relay[" + host + ":" + port + ", " + security + ", user=" + username + "]";
        }
    }

    /**
     * An account whose way out cannot be used now (its stored secret does not open): each of its deliveries
     * is a temporary failure with this reason, so the others of the block still go and the mail waits.
     */
    public record Unusable(String provider, String reason) implements Route {
    }

    /** Mailgun's HTTP API for one sending domain. toString() leaves the key out, so no log line carries it. */
    public record Mailgun(URI baseUrl, String domain, String apiKey) implements Route {

        @Override
        public String toString() {
            return "Mailgun[" + baseUrl + ", domain=" + domain + "]";
        }
    }
}
