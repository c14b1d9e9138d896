package io.distman.audit.control;

import io.distman.message.entity.DeliveryStatus;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says a timeline entry as an agent would: who told us ("Postmark", "Returned mail", not
 * {@code WEBHOOK:postmark} or {@code DSN}) and what happened ("Sent (attempt 1)", not
 * {@code attempt 1 by vm/6/1d4873a5}). The stored event keeps its codes; only the View shows these words.
 */
public final class TimelineWording {

    /** The dispatcher's claim note: "attempt 2 by <owner>[ (send now)]"; the owner is a lease id or user:<name>. */
    private static final Pattern CLAIM = Pattern.compile("attempt (\\d+) by (\\S+)(.*)");

    private static final Map<String, String> PROVIDERS = Map.of("postmark", "Postmark", "mailgun", "Mailgun",
            "sendgrid", "SendGrid", "amazon-ses", "Amazon SES", "smtp", "The mail relay");

    private static final Map<String, String> SOURCES = Map.of("SUBMISSION", "Submission", "DISPATCH", "Sending",
            "USER", "A user", "SMTP", "The mail relay", "DSN", "Returned mail", "ARF", "A spam complaint report",
            "PIXEL", "Open tracking", "CLICK", "Link tracking", "UNSUBSCRIBE", "The unsubscribe link");

    private TimelineWording() {
    }

    /**
     * @param attempt the send attempt this entry belongs to (the last claim before it), 0 before the first
     * @return the sentence for the entry
     */
    public static String what(DeliveryStatus status, String source, String diagnostic, int attempt) {
        String detail = diagnostic == null || diagnostic.isBlank() ? "" : ": " + diagnostic;
        if (source != null && source.startsWith("WEBHOOK:")) {
            return provider(source.substring("WEBHOOK:".length())) + " reported " + quoted(status) + detail;
        }
        if (status == DeliveryStatus.SENDING && diagnostic != null) {
            Matcher claim = CLAIM.matcher(diagnostic);
            if (claim.matches()) {
                String owner = claim.group(2);
                return owner.startsWith("user:")
                        ? "Sent now by " + owner.substring("user:".length()) + " (attempt " + claim.group(1) + ")"
                        : "Sending (attempt " + claim.group(1) + ")";
            }
        }
        if (status == DeliveryStatus.ACCEPTED) {
            String via = "SMTP".equals(source) ? "the mail relay" : by(source);
            return "Sent" + (attempt > 0 ? " (attempt " + attempt + ")" : "") + " through " + via + detail;
        }
        if ("DSN".equals(source) || "ARF".equals(source) || "PIXEL".equals(source) || "CLICK".equals(source)
                || "UNSUBSCRIBE".equals(source)) {
            return by(source) + " reported " + quoted(status) + detail;
        }
        if ("SUBMISSION".equals(source)) {
            // The status column already says where it stood; here what happened: it came in.
            return "Submitted" + detail;
        }
        if (("USER".equals(source) || "PRINT".equals(source)) && !detail.isEmpty()) {
            // A user's action already says itself: "cancelled by anna", "retry now by anna after attempt 1",
            // "printed as a letter by anna" (the print queue).
            return Character.toUpperCase(diagnostic.charAt(0)) + diagnostic.substring(1);
        }
        return status.label() + detail;
    }

    /** @return who told us, in words: a provider's name, "Returned mail", "A user", ... */
    public static String by(String source) {
        if (source == null) {
            return "";
        }
        if (source.startsWith("WEBHOOK:")) {
            return provider(source.substring("WEBHOOK:".length()));
        }
        String known = SOURCES.get(source);
        return known != null ? known : provider(source.toLowerCase(Locale.ROOT));
    }

    /** @return the provider's name as its customers write it ("Postmark", "Amazon SES"); unknown ones as given */
    public static String provider(String provider) {
        if (provider == null || provider.isBlank()) {
            return "";
        }
        String known = PROVIDERS.get(provider.toLowerCase(Locale.ROOT));
        return known != null ? known : Character.toUpperCase(provider.charAt(0)) + provider.substring(1);
    }

    /** @return the attempt a claim note names ("attempt 2 by ..."), or 0 when the entry is no claim */
    public static int attemptOf(DeliveryStatus status, String diagnostic) {
        if (status != DeliveryStatus.SENDING || diagnostic == null) {
            return 0;
        }
        Matcher claim = CLAIM.matcher(diagnostic);
        return claim.matches() ? Integer.parseInt(claim.group(1)) : 0;
    }

    private static String quoted(DeliveryStatus status) {
        return "\u201C" + status.label() + "\u201D";
    }
}
