package io.distman.dispatch.entity;

import io.distman.bounce.boundary.FailureSeverity.Permanence;
import io.distman.bounce.boundary.FailureSeverity;
import io.distman.bounce.boundary.SmtpStatusExtractor;
import java.time.Instant;

/**
 * What a transport reports for one delivery. Transports return it and never write: the dispatcher
 * records it through the one status method.
 *
 * @param reply           the server's reply or the fault, verbatim, for the status details
 * @param retryNotBefore  for a temporary failure, the earliest retry the provider asked for (HTTP Retry-After), or null
 */
public record SendResult(long deliveryId, SendOutcome outcome, Integer smtpCode, String enhancedCode, String reply,
                         String provider, String providerMessageId, Instant at, Instant retryNotBefore) {

    public SendResult(long deliveryId, SendOutcome outcome, Integer smtpCode, String enhancedCode, String reply,
                      String provider, String providerMessageId, Instant at) {
        this(deliveryId, outcome, smtpCode, enhancedCode, reply, provider, providerMessageId, at, null);
    }

    /** The RFC 3463 enhanced status code in a server reply, if it has one. */
    public static String enhancedCodeIn(String reply) {
        return SmtpStatusExtractor.fromText(reply).enhancedCode();
    }

    /** The basic SMTP reply code at the start of a reply, if there is one. */
    public static Integer replyCodeIn(String reply) {
        return SmtpStatusExtractor.fromText(reply).code();
    }

    /** 2xx accepted, 4xx temporary, 5xx permanent; no code at all (a connection fault) is temporary. */
    public static SendOutcome outcomeOf(Integer smtpCode) {
        if (smtpCode != null && smtpCode / 100 == 2) {
            return SendOutcome.ACCEPTED;
        }
        // The server's reply code is its decision for this transaction; no reply at all is no refusal.
        return FailureSeverity.permanence(null, smtpCode) == Permanence.PERMANENT ? SendOutcome.FAILED
                : SendOutcome.TEMPORARY_FAILURE;
    }
}
