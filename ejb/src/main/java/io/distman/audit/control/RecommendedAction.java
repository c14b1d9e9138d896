package io.distman.audit.control;

import io.distman.message.entity.DeliveryStatus;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * What an agent should do about a delivery, in words they can act on: the failure reason (status,
 * enhanced status code, the diagnostic text) mapped to advice. Mail servers are inconsistent about
 * enhanced codes, so the diagnostic text is read as well ("user unknown" with a bare 550).
 */
public final class RecommendedAction {

    static final String CHECK_SPELLING = "Check the spelling of the address or contact the recipient by phone for a new one.";
    static final String ALLOW_SENDER = "Ask the recipient to allow (whitelist) the sender address, or to ask their "
            + "mail administrator to, then resend.";
    static final String RETRY_LATER = "The recipient's mailbox is full: retry later, or tell the recipient by phone.";

    private RecommendedAction() {
    }

    /**
     * @param retryUntil when automatic retries of a temporary failure stop (null if unknown)
     * @param suppressionReason why the address is suppressed, if it is
     * @return the advice, empty when nothing needs doing (sent, delivered, waiting)
     */
    public static Optional<String> forDelivery(DeliveryStatus status, String enhancedCode, String diagnostic,
                                               Instant retryUntil, String suppressionReason) {
        String code = enhancedCode == null ? "" : enhancedCode.trim();
        String text = diagnostic == null ? "" : diagnostic.toLowerCase(Locale.ROOT);
        return Optional.ofNullable(switch (status) {
            case EMAIL_MISSING -> "No email address is recorded for this recipient: record one in the back office, "
                    + "then resend to it, or send it to the print queue if it has a postal address.";
            case REJECTED -> "The address is not valid: correct it and resend to the corrected address.";
            case SUPPRESSED -> "The address is on the suppression list" + (suppressionReason == null ? "" : " ("
                    + suppressionReason + ")") + ", so mail to it is not sent. If the reason no longer applies, "
                    + "support can remove it from the list.";
            case UNSUBSCRIBED -> "The recipient unsubscribed: from now on only TRANSACTIONAL and ESSENTIAL mail will "
                    + "reach them.";
            case OPTED_OUT -> "The recipient opted out of this kind of mail; send it by another channel if it matters.";
            case COMPLAINED -> "The recipient marked the mail as spam. " + ALLOW_SENDER;
            case TEMPORARY_FAILURE -> (mailboxFull(code, text) ? "The recipient's mailbox is full. " : "")
                    + "Nothing to do yet: it will be retried automatically"
                    + (retryUntil == null ? "" : " until " + retryUntil) + "; if it still fails then, it becomes FAILED.";
            case FAILED -> failed(code, text);
            default -> null;
        });
    }

    private static String failed(String code, String text) {
        if (mailboxFull(code, text)) {
            return RETRY_LATER;
        }
        if (code.startsWith("5.1.") || code.startsWith("4.1.") || containsAny(text, "user unknown", "userunknown",
                "unknown user", "no such user", "does not exist", "host unknown", "hostunknown", "domain not found",
                "no such domain", "invalid recipient", "mailbox unavailable", "recipient rejected")) {
            return CHECK_SPELLING;
        }
        if (code.startsWith("5.7.") || containsAny(text, "blocked", "spam", "blacklist", "blocklist", "denied",
                "policy", "reputation")) {
            return ALLOW_SENDER;
        }
        return "The mail could not be delivered: read the diagnostic above, fix the cause (address, recipient's "
                + "server) and resend.";
    }

    private static boolean mailboxFull(String code, String text) {
        return code.equals("4.2.2") || code.equals("5.2.2") || containsAny(text, "mailbox full", "mailbox is full",
                "over quota", "quota exceeded", "insufficient storage");
    }

    private static boolean containsAny(String text, String... needles) {
        for (String needle : needles) {
            if (text.contains(needle)) {
                return true;
            }
        }
        return false;
    }
}
