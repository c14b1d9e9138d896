package io.distman.bounce.control;

import static io.distman.bounce.entity.Reason.*;

import io.distman.bounce.entity.Reason;
import java.util.List;
import java.util.Locale;

/**
 * Exchange Online / Microsoft 365. Microsoft documents its NDRs as pairs of an enhanced status
 * code (often with a private detail number such as 5.7.606) and a fixed text; only the pair is
 * reliable, because the same text appears under several codes.
 */
final class MicrosoftRule implements ProviderRule {

    /** status (exact, or "x.y." prefix with a detail range), phrase, reason. */
    private record Entry(String status, int min, int max, String phrase, Reason reason) {

        static Entry exact(String status, String phrase, Reason reason) {
            return new Entry(status, -1, -1, phrase, reason);
        }

        boolean appliesTo(String code) {
            if (min < 0) {
                return code.equals(status);
            }
            if (!code.startsWith(status)) {
                return false;
            }
            String detail = code.substring(status.length());
            if (!detail.matches("\\d{1,3}")) {
                return false;
            }
            int n = Integer.parseInt(detail);
            return n >= min && n <= max;
        }
    }

    private static final List<Entry> ENTRIES = List.of(
            Entry.exact("4.7.26", "must pass either spf or dkim validation, this message is not signed", AUTHFAILURE),
            Entry.exact("5.7.23", "the message was rejected because of sender policy framework violation", AUTHFAILURE),
            Entry.exact("5.7.509", "does not pass dmarc verification", AUTHFAILURE),
            Entry.exact("5.7.515", "doesn't meet the required authentication level", AUTHFAILURE),
            Entry.exact("4.7.650", "has been temporarily rate limited due to ip reputation", BADREPUTATION),
            new Entry("4.7.", 850, 899, "access denied, please try again later", BLOCKED),
            Entry.exact("5.7.25", "must have a reverse dns record", BLOCKED),
            Entry.exact("5.7.506", "access denied, bad helo", BLOCKED),
            Entry.exact("5.7.507", "access denied, rejected by recipient", BLOCKED),
            Entry.exact("5.7.510", "does not accept email over ipv6", BLOCKED),
            Entry.exact("5.7.511", "access denied, banned sender", BLOCKED),
            Entry.exact("5.7.513", "using customer block list", BLOCKED),
            new Entry("5.7.", 606, 649, "access denied, banned sending ip ", BLOCKED),
            new Entry("4.7.", 500, 699, "access denied, please try again later", BLOCKED),
            Entry.exact("5.7.1", "part of their network is on our block list (s3150)", BLOCKED),
            Entry.exact("5.3.0", "too many related errors", CONTENTERROR),
            Entry.exact("5.6.11", "invalid characters", CONTENTERROR),
            Entry.exact("5.2.3", "resolver.rst.recipsizelimit; message too large for this recipient", MESGTOOBIG),
            Entry.exact("5.3.4", "message size exceeds fixed maximum message size", MESGTOOBIG),
            Entry.exact("5.3.4", "message too big for system", MESGTOOBIG),
            Entry.exact("4.4.1", "connection timed out", EXPIRED),
            Entry.exact("4.4.7", "message delayed", EXPIRED),
            Entry.exact("4.4.7", "message expired", EXPIRED),
            Entry.exact("5.4.300", "message expired", EXPIRED),
            Entry.exact("5.4.316", "message expired", EXPIRED),
            Entry.exact("4.3.2", "service not available", SYSTEMERROR),
            Entry.exact("4.3.2", "service not active", SYSTEMERROR),
            Entry.exact("5.3.5", "system incorrectly configured", SYSTEMERROR),
            new Entry("4.4.", 22, 28, "message failed to be replicated:", SYSTEMERROR),
            Entry.exact("4.7.500", "server busy. please try again later from ", SYSTEMERROR),
            Entry.exact("4.3.1", "insufficient system resources", SYSTEMFULL),
            Entry.exact("5.1.1", "resolver.adr.exrecipnotfound; not found", USERUNKNOWN),
            Entry.exact("5.1.1", "user unknown", USERUNKNOWN),
            Entry.exact("5.1.1", "bad destination mailbox address", USERUNKNOWN),
            Entry.exact("5.1.3", "storedrv.submit; invalid recipient address", USERUNKNOWN),
            Entry.exact("5.1.10", "recipient not found", USERUNKNOWN),
            Entry.exact("5.4.1", "recipient address rejected: access denied", USERUNKNOWN),
            Entry.exact("5.5.0", "requested action not taken: mailbox unavailable", USERUNKNOWN),
            Entry.exact("5.1.351", "remote server returned unknown recipient or mailbox unavailable", USERUNKNOWN),
            // The rest of Microsoft's documented NDR pairs ("Email non-delivery reports and SMTP
            // errors in Exchange Online"), by reason as Sisimai::Rhost::Microsoft files them. Note
            // 5.7.504 "Recipient address rejected: Access denied" is a refusal (suspend), not an
            // unknown user, unlike DBEB's 5.4.1 above.
            Entry.exact("4.7.323", "tlsa-invalid: the domain failed dane validation", AUTHFAILURE),
            Entry.exact("5.7.323", "tlsa-invalid: the domain failed dane validation", AUTHFAILURE),
            Entry.exact("4.7.324", "dnssec-invalid: destination domain returned invalid dnssec records", AUTHFAILURE),
            Entry.exact("5.7.324", "dnssec-invalid: destination domain returned invalid dnssec records", AUTHFAILURE),
            Entry.exact("4.7.325", "certificate-host-mismatch: remote certificate must have a common name or subject alternative name matching the hostname (dane)", AUTHFAILURE),
            Entry.exact("5.7.325", "certificate-host-mismatch: remote certificate must have a common name or subject alternative name matching the hostname (dane)", AUTHFAILURE),
            Entry.exact("5.7.322", "certificate-expired: destination mail server's certificate is expired", AUTHFAILURE),
            Entry.exact("4.4.2", "connection dropped", BLOCKED),
            Entry.exact("5.5.4", "invalid domain name", BLOCKED),
            Entry.exact("5.7.51", "restrictdomainstoipaddresses or restrictdomainstocertificate", BLOCKED),
            Entry.exact("5.4.11", "agent generated message depth exceeded", CONTENTERROR),
            Entry.exact("5.5.6", "invalid message content", CONTENTERROR),
            Entry.exact("4.4.7", "queue expired; message expired", EXPIRED),
            Entry.exact("5.2.2", "mailbox full", MAILBOXFULL),
            Entry.exact("5.4.4", "smtpsend.dns.nonexistentdomain; nonexistent domain", NETWORKERROR),
            Entry.exact("5.4.6", "hop count exceeded - possible mail loop", NETWORKERROR),
            Entry.exact("4.4.316", "connection refused", NETWORKERROR),
            Entry.exact("5.4.4", "invalid arguments", NETWORKERROR),
            Entry.exact("5.4.6", "routing loop detected", NETWORKERROR),
            Entry.exact("5.4.14", "routing loop detected", NETWORKERROR),
            Entry.exact("5.7.1", "unable to relay", NORELAYING),
            Entry.exact("5.7.1", "client was not authenticated", NORELAYING),
            Entry.exact("5.4.1", "relay access denied", NORELAYING),
            Entry.exact("5.7.64", "tenantattribution; relay access denied", NORELAYING),
            Entry.exact("5.4.310", "does not exist", NORELAYING),
            Entry.exact("4.3.2", "system not accepting network messages", NOTACCEPT),
            Entry.exact("4.4.4", "hosted tenant which has no mail-enabled subscriptions", NOTACCEPT),
            Entry.exact("5.3.2", "storedrv.deliver: missing or bad storedriver mdb properties", NOTACCEPT),
            Entry.exact("5.0.350", "x-dg-ref header is too long", POLICYVIOLATION),
            Entry.exact("5.0.350", "requested action not taken: policy violation detected (as345)", POLICYVIOLATION),
            new Entry("5.7.", 900, 999, "delivery not authorized, message refused", POLICYVIOLATION),
            Entry.exact("5.1.7", "invalid address", REJECTED),
            Entry.exact("5.1.7", "unknown sender address", REJECTED),
            Entry.exact("5.1.0", "sender denied", REJECTED),
            Entry.exact("5.1.8", "access denied, bad outbound sender", REJECTED),
            Entry.exact("5.7.1", "delivery not authorized", REJECTED),
            Entry.exact("5.7.12", "sender was not authenticated by organization", REJECTED),
            Entry.exact("5.7.124", "sender not in allowed-senders list", REJECTED),
            Entry.exact("5.7.133", "sender not authenticated for group", REJECTED),
            Entry.exact("5.7.134", "sender was not authenticated for mailbox", REJECTED),
            Entry.exact("5.7.13", "sender was not authenticated for public folder", REJECTED),
            Entry.exact("5.7.135", "sender was not authenticated for public folder", REJECTED),
            Entry.exact("5.7.136", "sender was not authenticated", REJECTED),
            new Entry("5.7.", 501, 503, "access denied, spam abuse detected", REJECTED),
            Entry.exact("5.7.512", "access denied, message must be rfc 5322 section 3.6.2 compliant", REJECTED),
            Entry.exact("5.7.750", "service unavailable. client blocked from sending from unregistered domains", REJECTED),
            Entry.exact("5.7.3", "cannot achieve exchange server authentication", SECURITYERROR),
            Entry.exact("5.7.3", "not authorized", SECURITYERROR),
            Entry.exact("4.4.317", "starttls is required to send mail", SECURITYERROR),
            Entry.exact("5.4.317", "starttls is required to send mail", SECURITYERROR),
            Entry.exact("4.7.321", "starttls-not-supported: destination mail server must support tls to receive mail", SECURITYERROR),
            Entry.exact("5.7.321", "starttls-not-supported: destination mail server must support tls to receive mail", SECURITYERROR),
            Entry.exact("5.7.57", "client was not authenticated to send anonymous mail during mail from", SECURITYERROR),
            Entry.exact("5.2.1", "content filter agent quarantined this message", SPAMDETECTED),
            Entry.exact("4.3.2", "storedrv.deliver; recipient thread limit exceeded", SPEEDING),
            Entry.exact("5.1.90", "your message can't be sent because you've reached your daily limit for message recipients", SPEEDING),
            Entry.exact("5.2.2", "submission quota exceeded", SPEEDING),
            Entry.exact("5.2.121", "recipient's per hour message receive limit from specific sender exceeded", SPEEDING),
            Entry.exact("5.2.122", "recipient's per hour message receive limit exceeded", SPEEDING),
            Entry.exact("5.7.508", "has exceeded permitted limits within", SPEEDING),
            new Entry("5.7.", 700, 749, "access denied, tenant has exceeded threshold", SPEEDING),
            new Entry("5.7.", 700, 749, "access denied, traffic not accepted from this ip", SPEEDING),
            Entry.exact("5.7.504", "recipient address rejected: access denied", SUSPEND),
            Entry.exact("5.7.505", "access denied, banned recipient", SUSPEND),
            Entry.exact("5.2.1", "mailbox cannot be accessed", SUSPEND),
            Entry.exact("5.3.3", "unrecognized command", SYNTAXERROR),
            Entry.exact("5.5.2", "send hello first", SYNTAXERROR),
            Entry.exact("5.3.190", "journaling on-premises messages to microsoft 365 or office 365 not supported when journaling archive is disabled", SYSTEMERROR),
            Entry.exact("5.0.0", "helo / ehlo requires domain address", SYSTEMERROR),
            Entry.exact("5.1.4", "destination mailbox address ambiguous", SYSTEMERROR),
            Entry.exact("5.2.4", "mailing list expansion problem", SYSTEMERROR),
            Entry.exact("5.2.14", "misconfigured forwarding address", SYSTEMERROR),
            Entry.exact("4.4.3", "temporary server error. please try again later attr18", SYSTEMERROR),
            Entry.exact("4.7.0", "temporary server error. please try again later. prx4 nexthop:", SYSTEMERROR),
            Entry.exact("4.4.24", "message failed to be replicated: insufficient system resource:", SYSTEMERROR),
            Entry.exact("4.4.25", "message failed to be replicated: no healthy secondary server available to accept replica at this time.", SYSTEMERROR),
            Entry.exact("4.4.28", "message failed to be replicated: the operation was canceled", SYSTEMERROR),
            Entry.exact("4.4.318", "(suspiciousremoteservererror)", SYSTEMERROR),
            Entry.exact("5.4.318", "(suspiciousremoteservererror)", SYSTEMERROR),
            Entry.exact("4.7.700", "pfa agent busy, please try again.", SYSTEMERROR),
            Entry.exact("5.5.3", "too many recipients", TOOMANYCONN),
            Entry.exact("4.5.3", "too many recipients", TOOMANYCONN),
            Entry.exact("5.2.122", "the recipient has exceeded their limit for", TOOMANYCONN),
            new Entry("5.1.", 4, 5, "recipient address reserved by rfc 2606", USERUNKNOWN),
            Entry.exact("5.1.6", "recipient addresses in single label domains not accepted", USERUNKNOWN),
            Entry.exact("5.1.2", "invalid x.400 address", USERUNKNOWN));

    /** Outlook.com postmaster codes: {code, reply code, reason}. */
    private static final Object[][] POSTMASTER_CODES = {
            {"RP-001", "421", BADREPUTATION}, {"RP-002", "421", BADREPUTATION}, {"RP-003", "421", BADREPUTATION},
            {"SC-001", "550", BADREPUTATION}, {"SC-002", "550", POLICYVIOLATION}, {"SC-003", "550", BLOCKED},
            {"SC-004", "550", BLOCKED}, {"DY-001", "550", BLOCKED}, {"DY-002", "550", SECURITYERROR},
            {"OU-001", "550", BLOCKED}, {"OU-002", "550", BADREPUTATION}};

    @Override
    public Reason reasonFor(DeliveryFacts facts) {
        if (!StatusCodes.isValid(facts.status)) {
            return null;
        }
        String text = facts.diagnostic.toLowerCase(Locale.ROOT);
        for (Entry e : ENTRIES) {
            if (e.appliesTo(facts.status) && text.contains(e.phrase())) {
                return e.reason();
            }
        }
        for (Object[] c : POSTMASTER_CODES) {
            if (facts.diagnostic.contains((String) c[0]) && facts.replyCode.equals(c[1])) {
                return (Reason) c[2];
            }
        }
        return null;
    }
}
