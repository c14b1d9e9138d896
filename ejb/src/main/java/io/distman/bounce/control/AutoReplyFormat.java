package io.distman.bounce.control;

import io.distman.bounce.entity.Reason;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * RFC 3834 automatic responses (vacation, out-of-office). They must never count as bounces:
 * the address works, a human is just away.
 */
public final class AutoReplyFormat implements BounceFormat {

    private static final Pattern AUTO_SUBJECT = Pattern.compile(
            "(?i)^\\s*(auto:|auto response:|automatic reply:|auto ?reply:|autoreply:|out of (the )?office:|"
                    + "abwesenheitsnotiz|r[ée]ponse automatique|respuesta autom[áa]tica|risposta automatica|"
                    + "automatisch antwoord|automatische antwort|out of office)");
    private static final Pattern ROBOT_FROM = Pattern.compile("(?i)\\b(root|postmaster|mailer-daemon)@");

    @Override
    public String name() {
        return "rfc3834";
    }

    static boolean isAutoReply(ParsedMail mail) {
        if (ROBOT_FROM.matcher(mail.from()).find()) {
            return false;
        }
        String subject = mail.subject().toLowerCase(Locale.ROOT);
        if (subject.contains("security information for") || subject.contains("mail failure -")) {
            return false;
        }
        String autoSubmitted = mail.headers().first("auto-submitted").toLowerCase(Locale.ROOT).trim();
        if (autoSubmitted.startsWith("auto-replied") || autoSubmitted.startsWith("auto-generated")
                || autoSubmitted.startsWith("auto-notified")) {
            return true;
        }
        if (mail.headers().first("precedence").toLowerCase(Locale.ROOT).startsWith("auto_reply")) {
            return true;
        }
        if (mail.headers().first("x-apple-action").toLowerCase(Locale.ROOT).startsWith("vacation")
                || mail.headers().has("x-autoreply") || mail.headers().has("x-autorespond")) {
            return true;
        }
        return AUTO_SUBJECT.matcher(mail.subject()).find();
    }

    @Override
    public List<DeliveryFacts> decode(ParsedMail mail, ReturnedMessage returned) {
        if (!isAutoReply(mail)) {
            return List.of();
        }
        String who = Addresses.first(mail.from());
        if (who.isEmpty()) {
            who = Addresses.first(mail.headers().first("return-path"));
        }
        if (who.isEmpty()) {
            return List.of();
        }
        DeliveryFacts f = new DeliveryFacts(who);
        f.reason = Reason.VACATION.label();
        f.diagnostic = TextBounceFormat.oneLine(mail.text());
        if (f.diagnostic.length() > 500) {
            f.diagnostic = f.diagnostic.substring(0, 500);
        }
        return List.of(f);
    }
}
