package io.distman.bounce.control;

import static io.distman.bounce.entity.Reason.*;

import io.distman.bounce.entity.Reason;
import java.util.Locale;

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
                    "domino ディレクトリには見つかりません", "no se encuentra en el directorio de domino",
                    "non répertorié dans l'annuaire domino", "ディレクトリのリストにありません",
                    "no valid recipients for this mm",
                    // Ipswitch IMail: its local delivery agent's answer for a user it does not host.
                    "invalid final delivery userid",
                    // qmail-local.c: "Sorry, no mailbox here by that name. (#5.1.1)".
                    "no mailbox here by that name",
                    // Gmail / Google Workspace DSN "** Address not found **" for a missing mailbox.
                    "because the address couldn't be found")
            .with(FILTERED, "cannot route mail to user")
            .with(SYSTEMERROR, "several matches found in domino directory",
                    // Exim (deliver.c, transports/pipe.c): local delivery refused or failed.
                    "delivery to file forbidden", "delivery to pipe forbidden", "local delivery failed",
                    "lmtp error after ",
                    // Courier (esmtpclient.c) and qmail's delivery programs.
                    "this domain's dns violates rfc 1035", "bad interpreter: no such file or directory",
                    // Amavis reporting its own MTA's failure.
                    " - temporary mta failure on relaying", " - rejected by next-hop mta on relaying",
                    " - unable to relay message back to mta")
            // Exim's address parser (parser.c): the address in the message itself is broken.
            .with(SYNTAXERROR, "malformed address: ", "angle-brackets nested too deep", "expected word or \"<\"",
                    "domain missing in source-routed address")
            // RFC 7505: the domain publishes a null MX, i.e. it receives no mail at all (Gmail
            // "returned Null MX", Postfix "nullMX", notqmail). Checked before the host-name
            // failures below because these notices also say "DNS".
            .with(NOTACCEPT, "null mx", "nullmx",
                    // OpenSMTPD (smtpd/mta.c): no usable MX, or every MX refuses all mail.
                    "destination seem to reject all mails", "no mx found for domain", "no mx found for destination",
                    // Exim (transports/smtp.c) and qmail-remote.c: nothing to deliver to.
                    "no host found for existing smtp connection",
                    "sorry, i couldn't find a mail exchanger or ip address")
            .with(HOSTUNKNOWN,
                    // DragonFly Mail Agent (net.c): "DNS lookup failure: host %s not found".
                    "dns lookup failure: host * not found",
                    // OpenSMTPD (smtpd/mta.c) for a destination domain that cannot be resolved.
                    "invalid domain name",
                    // Exim (transports/smtp.c, routers/dnslookup.c) and qmail-remote.c.
                    "all host address lookups failed permanently",
                    "all relevant mx records point to non-existent hosts", "sorry, i couldn't find any host ",
                    // Gmail's DSN when the recipient's domain has no DNS entry.
                    "because the domain * couldn't be found", "dns error: domain name not found",
                    "dns error: dns server returned answer with no data",
                    // au one net (KDDI) notices.
                    "as the remote domain doesnt exist")
            .with(NETWORKERROR,
                    // OpenSMTPD (smtpd/mta.c) routing and DNS failures.
                    "address family mismatch on destination mxs", "all routes to destination blocked",
                    "bad dns lookup error code", "could not retrieve source address", "no valid route to remote mx",
                    "no valid route to destination", "temporary failure in mx lookup",
                    // qmail-remote.c, Courier (esmtpclient.c), Lotus Notes.
                    "sorry, i wasn't able to establish an smtp connection",
                    "although i'm listed as a best-preference mx or a for that host", "dns lookup failed.",
                    "message has exceeded maximum hop count")
            // Exim (appendfile.c) writing to a mailbox over quota.
            .with(MAILBOXFULL, "error: quota exceed")
            // Exim (deliver.c): "Too many \"Received\" headers - suspected mail loop"; Amavis' header check.
            .with(CONTENTERROR, "too many \"received\" headers", " - bad header:")
            // Amavis' verdict on a virus.
            .with(VIRUSDETECTED, " - infected")
            // OpenSMTPD without its relay credentials; Symantec Email Security.cloud asking for AUTH.
            .with(SECURITYERROR, "could not retrieve credentials",
                    "please turn on smtp authentication in your mail client")
            // au one net (KDDI): the relay refused.
            .with(NORELAYING, "due to the following smtp relay error")
            // ezweb (KDDI): the subscriber's account is restricted.
            .with(SUSPEND, "the user(s) account is temporarily limited")
            // OpenSMTPD (smtpd/queue.c): the envelope outlived the queue lifetime.
            .with(EXPIRED, "envelope expired");

    private MtaPhrases() {
    }

    /** The reason such a sentence names, or null. */
    static Reason reasonOf(String diagnostic) {
        return PHRASES.firstMatch(diagnostic.toLowerCase(Locale.ROOT));
    }
}
