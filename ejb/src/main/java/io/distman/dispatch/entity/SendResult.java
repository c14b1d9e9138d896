package io.distman.dispatch.entity;

import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    private static final Pattern ENHANCED = Pattern.compile("\\b([245]\\.\\d{1,3}\\.\\d{1,3})\\b");
    private static final Pattern REPLY_CODE = Pattern.compile("^\\s*([2-5]\\d\\d)[\\s-]");

    /** The RFC 3463 enhanced status code in a server reply, if it has one. */
    public static String enhancedCodeIn(String reply) {
        if (reply == null) {
            return null;
        }
        Matcher m = ENHANCED.matcher(reply);
        return m.find() ? m.group(1) : null;
    }

    /** The basic SMTP reply code at the start of a reply, if there is one. */
    public static Integer replyCodeIn(String reply) {
        if (reply == null) {
            return null;
        }
        Matcher m = REPLY_CODE.matcher(reply);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    /** 2xx accepted, 4xx temporary, 5xx permanent; no code at all (a connection fault) is temporary. */
    public static SendOutcome outcomeOf(Integer smtpCode) {
        if (smtpCode == null || smtpCode / 100 == 4) {
            return SendOutcome.TEMPORARY_FAILURE;
        }
        return smtpCode / 100 == 2 ? SendOutcome.ACCEPTED : SendOutcome.FAILED;
    }
}
