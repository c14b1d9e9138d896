package io.distman.bounce.control;

import io.distman.bounce.entity.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Error notices of the fml mailing-list manager (widespread in Japan): a post refused because
 * the sender is no member, a loop, a duplicated Message-ID. The notice is no DSN; the list
 * address concerned is printed in angle brackets in the prose, and the list manager's own
 * fixed wording says why. Recognised by fml's own headers (X-MLServer, its "*.FML" Message-ID).
 */
public final class MailingListNoticeFormat implements BounceFormat {

    private static final Pattern BRACKETED = Pattern.compile("<([^<>\\s]+@[^<>\\s]+)>");
    private static final String ORIGINAL = "original mail as follows:";

    /** fml's fixed phrases (body first, then the subject) and what they mean; first match wins. */
    private static final List<Map.Entry<String, Reason>> PHRASES = List.of(
            Map.entry("are not member", Reason.REJECTED),
            Map.entry("not a member of this mailing list", Reason.REJECTED),
            Map.entry("not member article from", Reason.REJECTED),
            Map.entry("reject mail", Reason.REJECTED),
            Map.entry("reject spammers:", Reason.REJECTED),
            Map.entry("spam mail from a spammer is rejected", Reason.REJECTED),
            Map.entry("header may cause mail loop", Reason.REJECTED),
            Map.entry("duplicated message-id", Reason.SYSTEMERROR),
            Map.entry("has detected a loop condition", Reason.SYSTEMERROR),
            Map.entry("loop alert:", Reason.SYSTEMERROR),
            Map.entry("loop back warning", Reason.SYSTEMERROR),
            Map.entry("unix from loop", Reason.SYSTEMERROR),
            Map.entry("fml system error message", Reason.SYSTEMERROR),
            Map.entry("security alert", Reason.SECURITYERROR));

    @Override
    public String name() {
        return "fml";
    }

    static boolean isFmlNotice(ParsedMail mail) {
        return mail.headers().first("x-mlserver").toLowerCase(Locale.ROOT).contains("fml")
                && mail.headers().first("message-id").toUpperCase(Locale.ROOT).contains(".FML");
    }

    @Override
    public List<DeliveryFacts> decode(ParsedMail mail, ReturnedMessage returned) {
        if (!isFmlNotice(mail)) {
            return List.of();
        }
        String text = mail.text();
        int quoted = text.toLowerCase(Locale.ROOT).indexOf(ORIGINAL);
        String notice = quoted < 0 ? text : text.substring(0, quoted);
        String diagnostic = TextBounceFormat.oneLine(notice);
        Reason reason = reasonOf(diagnostic.toLowerCase(Locale.ROOT));
        if (reason == null) {
            reason = reasonOf(mail.subject().toLowerCase(Locale.ROOT));
        }
        List<DeliveryFacts> facts = new ArrayList<>();
        for (String line : notice.split("\n")) {
            Matcher m = BRACKETED.matcher(line);
            if (m.find()) {
                String address = Addresses.clean(m.group(1));
                if (Addresses.isPlausible(address) && facts.stream().noneMatch(f -> f.recipient.equals(address))) {
                    DeliveryFacts f = new DeliveryFacts(address);
                    f.action = "failed";
                    f.diagnostic = diagnostic;
                    f.reason = reason == null ? "" : reason.label();
                    facts.add(f);
                }
            }
        }
        return facts;
    }

    private static Reason reasonOf(String lowerText) {
        for (Map.Entry<String, Reason> e : PHRASES) {
            if (lowerText.contains(e.getKey())) {
                return e.getValue();
            }
        }
        return null;
    }
}
