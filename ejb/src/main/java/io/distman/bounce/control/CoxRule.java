package io.distman.bounce.control;

import static io.distman.bounce.entity.Reason.*;

import io.distman.bounce.entity.Reason;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cox: replies carry an {@code AUP#CODE} tag from Cox's published error-code list; a
 * "sender rejected" from Cox is usually one of those policy blocks, not a bad address.
 */
final class CoxRule implements ProviderRule {

    private static final Pattern AUP = Pattern.compile("AUP#([A-Za-z0-9]+)");
    private static final Map<String, Reason> CODES = new HashMap<>();

    static {
        CODES.put("CXBL", BLOCKED);
        CODES.put("CDRBL", BLOCKED);
        CODES.put("CXDNS", REQUIREPTR);
        CODES.put("CXSNDR", AUTHFAILURE);
        CODES.put("CXSMTP", REJECTED);
        CODES.put("CXCNCT", TOOMANYCONN);
        CODES.put("CXMXRT", TOOMANYCONN);
        CODES.put("CXTHRT", SECURITYERROR);
        CODES.put("CXMJ", SECURITYERROR);
    }

    private static final PhraseRule PHRASES = new PhraseRule()
            .with(BLOCKED, "cox too many bad commands from", "too many invalid recipients")
            .with(REQUIREPTR, "dns check failure - try again later", "rejected - no rdns")
            .with(POLICYVIOLATION, "esmtp no data before greeting", "attachment extension is forbidden")
            .with(REJECTED, "sender rejected")
            .with(SYSTEMERROR, "esmtp server temporarily not available")
            .with(TOOMANYCONN, "too many sessions from", "requested action aborted: try again later",
                    "message threshold exceeded")
            .with(USERUNKNOWN, "recipient rejected");

    @Override
    public Reason reasonFor(DeliveryFacts facts) {
        Matcher m = AUP.matcher(facts.diagnostic);
        if (m.find()) {
            String code = m.group(1).toUpperCase(Locale.ROOT);
            Reason r = CODES.get(code);
            if (r == null && code.startsWith("IPBL")) {
                r = BLOCKED; // IP listed on one or more DNSBLs
            } else if (r == null && code.startsWith("URLBL")) {
                r = SPAMDETECTED; // a URL in the body is listed
            }
            if (r != null) {
                return r;
            }
        }
        return PHRASES.reasonFor(facts);
    }
}
