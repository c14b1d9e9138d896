package io.distman.bounce.control;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a message that follows no standard format is a bounce at all. Without this
 * gate, any mail that quotes an address on its own line would be read as a failure report.
 */
public final class BounceSignals {

    private static final Pattern ROBOT_SENDER = Pattern.compile(
            "(?i)(mailer-daemon|mail-daemon|mailer_daemon|postmaster|mail delivery|maildelivery|mdaemon|"
                    + "mail administrator|mailadmin|bounce|nobody|root@|notify|delivery|daemon@|mail system)");

    private static final Pattern BOUNCE_SUBJECT = Pattern.compile(
            "(?i)(undeliver|undelivered|delivery|failure|failed|returned mail|return(ed)? to sender|bounce|not delivered|"
                    + "could not be delivered|unable to deliver|non[- ]remis|nicht zustellbar|fehlgeschlagen|"
                    + "mail system error|delivery status|warning|error|rejected|delayed|no se puede entregar|"
                    + "unzustellbar|permanent|notification|message status|mail could not|echec|falha|"
                    + "mail error|delivery problem|email address does not exist|"
                    // Exchange's localised "Undeliverable:" (Dutch, Portuguese, Italian, French with
                    // the underscore its subject encoding leaves).
                    + "onbestelbaar|n[ãa]o[ _]entregue|non recapitabile|non_remis|"
                    // Japanese carriers' and providers' notices: "error", "not delivered".
                    + "エラー|不達|未達)");

    private BounceSignals() {
    }

    public static boolean looksLikeBounce(ParsedMail mail) {
        String from = mail.from();
        String returnPath = mail.headers().first("return-path");
        if (ROBOT_SENDER.matcher(from).find() || returnPath.replace(" ", "").equals("<>")) {
            return true;
        }
        if (BOUNCE_SUBJECT.matcher(mail.subject()).find()) {
            return true;
        }
        String contentType = mail.headers().first("content-type").toLowerCase(Locale.ROOT);
        return contentType.contains("report-type=delivery-status") || !mail.deliveryStatus().isEmpty();
    }

    /**
     * Addresses known to belong to the sender side (the bounce's To, the original From and
     * Return-Path): they appear in notifications but are never the failed recipient.
     */
    public static Set<String> senderAddresses(ParsedMail mail, ReturnedMessage returned) {
        Set<String> senders = new HashSet<>();
        senders.addAll(Addresses.all(mail.headers().first("to")));
        senders.addAll(Addresses.all(mail.headers().first("delivered-to")));
        senders.addAll(Addresses.all(mail.headers().first("x-original-to")));
        senders.addAll(Addresses.all(mail.headers().first("envelope-to")));
        senders.addAll(Addresses.all(mail.from()));
        senders.addAll(Addresses.all(returned.headers().first("from")));
        senders.addAll(Addresses.all(returned.headers().first("return-path")));
        senders.addAll(Addresses.all(returned.headers().first("sender")));
        senders.remove(returned.originalTo());
        return senders;
    }
}
