package io.distman.identity.control;

import io.distman.identity.entity.SenderIdentity;
import io.distman.identity.entity.VerificationRecord;
import java.time.Instant;
import java.util.List;

/**
 * One DNS check of an identity: the token's TXT record found verifies it; a definite answer without it
 * withdraws an earlier verification (the admin removed the record, or the domain changed hands); no answer
 * at all (timeout) changes nothing but says so.
 */
public final class IdentityVerifier {

    /** The check_result column's length: what is echoed of foreign records is cut to it (a zone may hold anything). */
    private static final int MAX_RESULT = 1000;

    private IdentityVerifier() {
    }

    public static void check(SenderIdentity identity, TxtLookup dns, Instant now) {
        VerificationRecord expected = identity.verificationRecord();
        List<String> found;
        try {
            found = dns.txt(expected.name());
        } catch (TxtLookup.DnsFailure e) {
            identity.checkFailed(shortened("not checked: " + e.getMessage()), now);
            return;
        }
        if (found.stream().anyMatch(text -> text.strip().equals(expected.value()))) {
            identity.checked(true, "TXT record found at " + expected.name(), now);
        } else if (found.isEmpty()) {
            identity.checked(false, "no TXT record at " + expected.name() + ": publish " + expected.value(), now);
        } else {
            identity.checked(false, shortened("TXT records at " + expected.name() + " do not hold " + expected.value()
                    + " (found: " + String.join(" | ", found) + ")"), now);
        }
    }

    private static String shortened(String text) {
        String printable = text.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= MAX_RESULT ? printable : printable.substring(0, MAX_RESULT - 1) + "…";
    }
}
