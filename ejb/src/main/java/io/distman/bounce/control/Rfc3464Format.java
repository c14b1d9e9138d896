package io.distman.bounce.control;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 3464 delivery status notifications, including the many MTAs that paste the DSN fields
 * into a text part instead of a message/delivery-status part.
 */
public final class Rfc3464Format implements BounceFormat {

    @Override
    public String name() {
        return "rfc3464";
    }

    @Override
    public List<DeliveryFacts> decode(ParsedMail mail, ReturnedMessage returned) {
        List<DeliveryFacts> facts = new ArrayList<>();
        for (String part : mail.deliveryStatus()) {
            facts.addAll(DsnFields.parse(part));
        }
        if (facts.isEmpty()) {
            // Fields pasted inline: only trust them when they look like a real DSN block.
            for (DeliveryFacts f : DsnFields.parse(returned.notification())) {
                if (!f.recipient.isEmpty() && (!f.status.isEmpty() || !f.action.isEmpty())) {
                    facts.add(f);
                }
            }
        }
        facts.removeIf(f -> f.recipient.isEmpty() && f.status.isEmpty());
        for (DeliveryFacts f : facts) {
            if (f.recipient.isEmpty()) {
                f.recipient = returned.originalTo();
            }
            if (f.diagnostic.isEmpty()) {
                f.diagnostic = TextBounceFormat.diagnosticNear(returned.notification(), f.recipient);
            }
            completeFromTranscript(f, returned.notification());
            if (f.command.isEmpty()) {
                // Postfix names the rejected command only in its prose: "(in reply to end of DATA command)".
                f.command = SmtpCommands.detect(paragraphAbout(returned.notification(), f.recipient));
            }
            if (f.diagnostic.isEmpty()) {
                // Some MTAs (Exim) explain the failure only in the human-readable part.
                f.diagnostic = TextBounceFormat.oneLine(returned.notification());
            }
            if (facts.size() == 1) {
                f.status = moreSpecific(f.status, f.diagnostic, returned.notification());
            }
        }
        return facts;
    }

    /**
     * A Status: of only a class (5.0.0) while the human-readable part quotes a precise code of
     * the same class (Sendmail: "554 5.3.0 unknown mailer error 255"): the precise one says more.
     * Only for single-recipient reports, where the quoted code cannot belong to someone else.
     */
    private static String moreSpecific(String status, String diagnostic, String notification) {
        if (!status.endsWith(".0.0") || !StatusCodes.find(diagnostic, "").isEmpty()) {
            // The remote server's own reply (Diagnostic-Code) quotes a code: that is its answer,
            // even a bare class; codes elsewhere in the prose are the reporting MTA's guesses
            // (Sendmail restates "User unknown" as 5.1.1 whatever the server said).
            return status;
        }
        String quoted = StatusCodes.find(notification, status);
        boolean precise = !quoted.isEmpty() && quoted.charAt(0) == status.charAt(0) && !quoted.endsWith(".0.0");
        return precise ? quoted : status;
    }

    /** The paragraph of the human-readable part that starts by naming the recipient, or empty. */
    static String paragraphAbout(String notification, String recipient) {
        if (recipient.isEmpty()) {
            return "";
        }
        String lower = notification.toLowerCase(java.util.Locale.ROOT);
        int at = lower.indexOf(recipient);
        if (at < 0) {
            return "";
        }
        int end = lower.indexOf("\n\n", at);
        return TextBounceFormat.oneLine(notification.substring(at, end < 0 ? notification.length() : end));
    }

    private static final java.util.regex.Pattern CONTINUED = java.util.regex.Pattern.compile("^\\d{3}-");

    /**
     * Sendmail copies only the first line of a multi-line SMTP reply into Diagnostic-Code;
     * the full reply and the failed command are in the session transcript of the text part.
     */
    private static void completeFromTranscript(DeliveryFacts f, String notification) {
        if (!notification.contains("<<< ")) {
            return;
        }
        StringBuilder replies = new StringBuilder();
        String command = "";
        boolean sent = false;
        for (String line : notification.split("\n")) {
            String t = line.trim();
            if (t.startsWith("... while talking to ")) {
                // Sendmail starts the exchange with each host on such a line.
                sent = false;
            } else if (t.startsWith(">>> ")) {
                command = SmtpCommands.normalise(t.substring(4).trim().split("[\\s:]")[0]);
                sent = true;
            } else if (t.startsWith("<<< ")) {
                if (!sent) {
                    // Sendmail logs each command before its reply: a reply with none before it
                    // is the server's greeting, i.e. it refused the connection itself.
                    command = "CONN";
                }
                replies.append(' ').append(t.substring(4).trim());
            }
        }
        if (f.command.isEmpty() && !command.isEmpty() && !command.equals("QUIT")) {
            f.command = command;
        }
        if (CONTINUED.matcher(f.diagnostic).find() && replies.length() > 0) {
            f.diagnostic = replies.toString().trim();
        }
    }
}
