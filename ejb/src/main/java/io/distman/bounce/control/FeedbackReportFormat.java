package io.distman.bounce.control;

import io.distman.bounce.entity.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Complaints: RFC 5965 ARF reports, and the non-ARF feedback loops of large providers
 * (Hotmail/Outlook "complaint about message from", Apple Mail's one-click unsubscribe).
 */
public final class FeedbackReportFormat implements BounceFormat {

    @Override
    public String name() {
        return "arf";
    }

    static boolean isFeedback(ParsedMail mail) {
        String contentType = mail.headers().first("content-type").toLowerCase(Locale.ROOT);
        if (contentType.contains("feedback-report") || !mail.feedbackReport().isEmpty()) {
            return true;
        }
        String subject = mail.subject().toLowerCase(Locale.ROOT);
        String from = mail.from().toLowerCase(Locale.ROOT);
        if (subject.contains("complaint about message from ")
                && (from.contains("staff@hotmail.com") || from.contains("complaints@email-abuse.amazonses.com"))) {
            return true;
        }
        return mail.headers().first("x-apple-unsubscribe").trim().equalsIgnoreCase("true");
    }

    @Override
    public List<DeliveryFacts> decode(ParsedMail mail, ReturnedMessage returned) {
        if (!isFeedback(mail)) {
            return List.of();
        }
        List<String> recipients = new ArrayList<>();
        String feedbackType = "";
        for (String[] field : reportFields(mail.feedbackReport())) {
            switch (field[0]) {
                case "original-rcpt-to", "removal-recipient" -> {
                    String a = Addresses.fromDsnValue(field[1]);
                    if (!a.isEmpty() && !recipients.contains(a)) {
                        recipients.add(a);
                    }
                }
                case "feedback-type" -> feedbackType = field[1].trim().toLowerCase(Locale.ROOT);
                default -> {
                }
            }
        }
        boolean appleUnsubscribe = mail.headers().first("x-apple-unsubscribe").trim().equalsIgnoreCase("true");
        if (recipients.isEmpty() && appleUnsubscribe) {
            // The unsubscribing user is the sender of the request itself.
            recipients.add(Addresses.first(mail.from()));
            feedbackType = "opt-out";
        }
        if (recipients.isEmpty()) {
            String to = returned.originalTo();
            recipients.add(to);
        }
        List<DeliveryFacts> facts = new ArrayList<>();
        for (String r : recipients) {
            DeliveryFacts f = new DeliveryFacts(r);
            f.reason = Reason.FEEDBACK.label();
            f.diagnostic = feedbackType.isEmpty() ? "abuse" : feedbackType;
            facts.add(f);
        }
        return facts;
    }

    private static List<String[]> reportFields(String report) {
        List<String[]> fields = new ArrayList<>();
        for (String line : report.split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && !Character.isWhitespace(line.charAt(0))) {
                fields.add(new String[] {line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        line.substring(colon + 1).trim()});
            }
        }
        return fields;
    }
}
