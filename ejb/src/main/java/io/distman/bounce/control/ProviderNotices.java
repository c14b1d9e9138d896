package io.distman.bounce.control;

import io.distman.bounce.entity.Reason;
import java.util.Locale;

/**
 * Notices a mailbox or list provider writes itself, in place of relaying an SMTP reply: the
 * provider marks them by its own headers, and what they mean is fixed. They decide only where
 * the bounce gives no status code.
 */
final class ProviderNotices {

    private ProviderNotices() {
    }

    /** The reason such a notice stands for, or null. */
    static Reason reasonOf(ParsedMail mail, ReturnedMessage returned) {
        // au (KDDI): its receivers' domain/spam filter marks what it refused with X-SPASIGN: NG.
        if (mail.headers().first("x-spasign").trim().equalsIgnoreCase("NG")) {
            return Reason.FILTERED;
        }
        // Google Groups: the group does not exist or the sender may not post to it.
        if (mail.from().toLowerCase(Locale.ROOT).contains("mailer-daemon@googlemail.com")
                && mail.headers().has("x-failed-recipients")
                && returned.notificationLower().contains("groups.google.com")) {
            return Reason.REJECTED;
        }
        return null;
    }
}
