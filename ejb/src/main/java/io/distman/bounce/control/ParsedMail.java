package io.distman.bounce.control;

import io.distman.bounce.entity.HeaderBlock;
import java.util.List;

/**
 * A returned message reduced to the pieces the decoders need, independent of how oddly the
 * MIME structure was built.
 *
 * @param headers        top-level headers of the bounce itself
 * @param text           human-readable parts (text/plain, or stripped HTML), in order; for
 *                       non-MIME bounces this is the whole body, returned message included
 * @param deliveryStatus bodies of message/delivery-status parts (RFC 3464), in order
 * @param feedbackReport body of a message/feedback-report part (RFC 5965), or empty
 * @param returned       the returned original message or its headers (message/rfc822 or
 *                       text/rfc822-headers part), or empty when only quoted inline
 */
public record ParsedMail(
        HeaderBlock headers,
        String text,
        List<String> deliveryStatus,
        String feedbackReport,
        String returned) {

    public ParsedMail {
        deliveryStatus = List.copyOf(deliveryStatus);
        text = text == null ? "" : text;
        feedbackReport = feedbackReport == null ? "" : feedbackReport;
        returned = returned == null ? "" : returned;
    }

    public String subject() {
        return headers.first("subject");
    }

    public String from() {
        return headers.first("from");
    }
}
