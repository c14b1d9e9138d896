package io.distman.bounce.entity;

import java.util.List;

/**
 * Everything learnt from one returned message.
 *
 * @param recipients one entry per recipient named by the report; a message that is not a bounce
 *                   yields a single entry of kind {@link BounceKind#UNKNOWN} with an empty recipient,
 *                   so callers never lose track of a processed message
 * @param format     which decoder understood the message (e.g. {@code rfc3464}, {@code qmail},
 *                   {@code arf}); useful when investigating a misclassification
 */
public record BounceReport(List<BounceRecipient> recipients, String format) {

    public BounceReport {
        recipients = List.copyOf(recipients);
        format = format == null ? "" : format;
    }

    /** True when at least one recipient failed or was delayed. */
    public boolean isBounce() {
        return recipients.stream()
                .anyMatch(r -> r.kind() == BounceKind.HARD || r.kind() == BounceKind.SOFT);
    }
}
