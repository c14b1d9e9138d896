package io.distman.bounce.entity;

/**
 * The verdict for one recipient of one returned message.
 *
 * @param recipient         final recipient address, lower-cased; empty when none was found
 * @param kind              what the message means for that address
 * @param reason            Sisimai reason word, empty when the message is not a bounce
 * @param status            RFC 3463 enhanced status code (e.g. {@code 5.1.1}); empty when unknown
 * @param action            DSN Action (failed, delayed, delivered, relayed, expanded) or empty
 * @param diagnostic        the remote server's or MTA's explanation, unfolded to one line
 * @param originalMessageId Message-ID of the message that bounced, with angle brackets; empty if unknown
 * @param verpToken         token from a {@code bounce+<token>@domain} return path; empty if none
 */
public record BounceRecipient(
        String recipient,
        BounceKind kind,
        String reason,
        String status,
        String action,
        String diagnostic,
        String originalMessageId,
        String verpToken) {

    public BounceRecipient {
        recipient = nz(recipient);
        kind = kind == null ? BounceKind.UNKNOWN : kind;
        reason = nz(reason);
        status = nz(status);
        action = nz(action);
        diagnostic = nz(diagnostic);
        originalMessageId = nz(originalMessageId);
        verpToken = nz(verpToken);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
