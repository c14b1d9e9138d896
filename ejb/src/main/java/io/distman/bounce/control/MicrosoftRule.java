package io.distman.bounce.control;

import io.distman.bounce.entity.Reason;
import java.util.List;
import java.util.Locale;

import static io.distman.bounce.entity.Reason.*;

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
            Entry.exact("5.1.351", "remote server returned unknown recipient or mailbox unavailable", USERUNKNOWN));

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
