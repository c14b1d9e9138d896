package io.distman.bounce.control;

import io.distman.bounce.entity.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * qmail and its clones (also Yahoo's and other providers' "failure notice" mails). qmail's
 * wording is fixed by its source, so phrases map straight to the failed SMTP stage and reason;
 * its "not going to try again" trailer is appended to every final failure and must not be
 * mistaken for the cause.
 */
public final class QmailFormat implements BounceFormat {

    private static final Pattern RECIPIENT = Pattern.compile("^<([^<>\\s]+@[^<>\\s]+)>:\\s*(.*)$");
    private static final List<String> OPENINGS = List.of(
            "hi. this is the qmail", "he/her is not ", "unable to deliver your message to the following addresses",
            "su mensaje no pudo ser entregado", "sorry, we were unable to deliver your message to the following address",
            "this is the machine generated message from mail service", "this is the mail delivery agent at",
            "unable to deliver message to the following address",
            "unfortunately, your mail was not delivered to the following address:",
            "your mail message to the following address", "your message to the following addresses", "we're sorry.");
    private static final String TRAILER = "this message has been in the queue too long.";

    /** qmail-remote's fixed phrases → SMTP command that failed. */
    private static final Map<String, String> STAGES = Map.of(
            " but greeting failed.", "CONN",
            " but my name was rejected.", "EHLO",
            " but sender was rejected.", "MAIL",
            " does not like recipient.", "RCPT",
            " failed on data command", "DATA",
            " failed after i sent the message", "DATA");

    /** qmail's own messages (qmail-send, qmail-local, qmail-ldap) and what they mean; first match wins. */
    private static final List<Map.Entry<String, Reason>> MESSAGES = List.of(
            Map.entry("sorry, i couldn't find any host ", Reason.HOSTUNKNOWN),
            Map.entry("disk quota exceeded", Reason.MAILBOXFULL),
            Map.entry("message size exceeds fixed maximum message size:", Reason.MESGTOOBIG),
            Map.entry("sorry, i wasn't able to establish an smtp connection", Reason.NETWORKERROR),
            Map.entry("sorry. although i'm listed as a best-preference mx or a for that host", Reason.NETWORKERROR),
            Map.entry("sorry, i couldn't find a mail exchanger or ip address", Reason.NOTACCEPT),
            Map.entry("bad interpreter: no such file or directory", Reason.SYSTEMERROR),
            Map.entry("system error", Reason.SYSTEMERROR),
            Map.entry("unable to contact ldap server", Reason.SYSTEMERROR),
            Map.entry("temporary failure in ldap lookup", Reason.SYSTEMERROR),
            Map.entry("timeout while performing search on ldap server", Reason.SYSTEMERROR),
            Map.entry("requested action not taken: mailbox unavailable (not enough free space)", Reason.SYSTEMFULL),
            Map.entry("no mailbox here by that name", Reason.USERUNKNOWN),
            Map.entry("mailaddress is administratively disabled", Reason.SUSPEND),
            Map.entry("the message exeeded the maximum size the user accepts", Reason.EXCEEDLIMIT));

    @Override
    public String name() {
        return "qmail";
    }

    @Override
    public List<DeliveryFacts> decode(ParsedMail mail, ReturnedMessage returned) {
        String lower = returned.notificationLower();
        boolean opening = OPENINGS.stream().anyMatch(lower::contains);
        boolean qmailHeaders = mail.headers().all("received").stream().anyMatch(r -> r.contains("(qmail "))
                || mail.subject().equalsIgnoreCase("failure notice");
        if (!opening || !(qmailHeaders || lower.contains("qmail") || lower.contains("remote host said"))) {
            return List.of();
        }
        List<DeliveryFacts> facts = new ArrayList<>();
        DeliveryFacts current = null;
        for (String line : returned.notification().split("\n")) {
            Matcher m = RECIPIENT.matcher(line.trim());
            if (m.matches()) {
                current = new DeliveryFacts(Addresses.clean(m.group(1)));
                current.action = "failed";
                current.appendDiagnostic(m.group(2));
                facts.add(current);
            } else if (current != null && !line.isBlank()) {
                current.appendDiagnostic(line.trim());
            }
        }
        for (DeliveryFacts f : facts) {
            interpret(f);
        }
        return facts;
    }

    private static void interpret(DeliveryFacts f) {
        String text = f.diagnostic.toLowerCase(Locale.ROOT);
        STAGES.forEach((phrase, command) -> {
            if (f.command.isEmpty() && text.contains(phrase)) {
                f.command = command;
            }
        });
        if (f.command.equals("EHLO")) {
            f.reason = Reason.BLOCKED.label();
            return;
        }
        if (text.contains(" does not like recipient.") && text.contains(TRAILER)) {
            // The remote server's words decide; the trailer adds nothing.
            f.reason = Reason.ONHOLD.label();
        } else {
            for (Map.Entry<String, Reason> e : MESSAGES) {
                if (text.contains(e.getKey())) {
                    f.reason = e.getValue().label();
                    break;
                }
            }
            if (f.reason.isEmpty() && text.contains(TRAILER)) {
                f.reason = Reason.EXPIRED.label();
            }
        }
        f.diagnostic = f.diagnostic.replaceAll("(?i)i'm not going to try again; this message has been in the queue too long\\.", "").trim();
    }
}
