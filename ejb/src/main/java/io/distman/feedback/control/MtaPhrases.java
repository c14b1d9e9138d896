package io.distman.feedback.control;

import io.distman.feedback.entity.Reason;
import java.util.Locale;

import static io.distman.feedback.entity.Reason.*;

/**
 * Fixed sentences that one MTA family prints for a whole class of failures and that name the
 * failure outright, so they decide even without a status code or a known SMTP stage (Lotus
 * Domino/Notes, Verizon's MMS gateway, Exim's address parser, IMail, OpenSMTPD, DragonFly Mail
 * Agent, Gmail's DSN prose) and the RFC 7505 null MX. Each sentence is quoted from the MTA's
 * source or documented messages, so it covers every bounce of that kind, not one sample.
 */
final class MtaPhrases {

    private static final PhraseRule PHRASES = new PhraseRule()
            .with(USERUNKNOWN, "not listed in domino directory", "not listed in public name & address book",
                    "domino ディレクトリには見つかりません", "no valid recipients for this mm",
                    // Ipswitch IMail: its local delivery agent's answer for a user it does not host.
                    "invalid final delivery userid",
                    // Gmail / Google Workspace DSN "** Address not found **" for a missing mailbox.
                    "because the address couldn't be found")
            .with(FILTERED, "cannot route mail to user")
            .with(SYSTEMERROR, "several matches found in domino directory")
            // Exim's address parser (parser.c): the address in the message itself is broken.
            .with(SYNTAXERROR, "malformed address: ", "angle-brackets nested too deep", "expected word or \"<\"",
                    "domain missing in source-routed address")
            // RFC 7505: the domain publishes a null MX, i.e. it receives no mail at all (Gmail
            // "returned Null MX", Postfix "nullMX", notqmail). Checked before the host-name
            // failures below because these notices also say "DNS".
            .with(NOTACCEPT, "null mx", "nullmx",
                    // OpenSMTPD (smtpd/mta.c): no usable MX, or every MX refuses all mail.
                    "destination seem to reject all mails", "no mx found for domain", "no mx found for destination")
            .with(HOSTUNKNOWN,
                    // DragonFly Mail Agent (net.c): "DNS lookup failure: host %s not found".
                    "dns lookup failure: host * not found",
                    // OpenSMTPD (smtpd/mta.c) for a destination domain that cannot be resolved.
                    "invalid domain name",
                    // Gmail's DSN when the recipient's domain has no DNS entry.
                    "because the domain * couldn't be found",
                    // au one net (KDDI) notices.
                    "as the remote domain doesnt exist")
            // OpenSMTPD (smtpd/queue.c): the envelope outlived the queue lifetime.
            .with(EXPIRED, "envelope expired");
    private MtaPhrases() {
    }

    /** The reason such a sentence names, or null. */
    static Reason reasonOf(String diagnostic) {
        return PHRASES.firstMatch(diagnostic.toLowerCase(Locale.ROOT));
    }
}
