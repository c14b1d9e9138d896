package io.distman.bounce.control;

import static io.distman.bounce.entity.Reason.*;

import io.distman.bounce.entity.Reason;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Orange / Wanadoo / La Poste. Their replies end with a tag such as {@code OFR006_102} or
 * {@code LPN007_426}; the last three digits are a documented error number (see the Orange
 * postmaster code list), which says more than the often generic status code.
 */
final class FrancePttRule implements ProviderRule {

    private static final String[] LABELS = {"lpn", "lpnaaa", "ofr", "ouk"};
    private static final Map<String, Reason> CODES = new HashMap<>();

    static {
        put(BLOCKED, "101", "102", "103", "510", "999");
        put(TOOMANYCONN, "104");
        put(SECURITYERROR, "305", "402");
        put(AUTHFAILURE, "401", "517");
        put(REJECTED, "403", "405", "415", "421");
        put(USERUNKNOWN, "416");
        put(MAILBOXFULL, "417");
        put(SUSPEND, "420", "426");
        put(SYSTEMERROR, "505");
        put(SPAMDETECTED, "506");
        put(MESGTOOBIG, "514");
        put(POLICYVIOLATION, "630");
    }

    private static final PhraseRule PHRASES = new PhraseRule()
            .with(AUTHFAILURE, "spf/dns de votre nom de domaine");

    private static void put(Reason reason, String... codes) {
        for (String c : codes) {
            CODES.put(c, reason);
        }
    }

    @Override
    public Reason reasonFor(DeliveryFacts facts) {
        String text = facts.diagnostic.toLowerCase(Locale.ROOT).replace('_', '-');
        for (String label : LABELS) {
            int at = text.lastIndexOf(label);
            if (at < 0) {
                continue;
            }
            String tag = text.substring(at + label.length()).split("[\\s\\[\\]().,;]", 2)[0];
            String digits = tag.replaceAll("\\D+$", "");
            if (digits.length() >= 3) {
                Reason r = CODES.get(digits.substring(digits.length() - 3));
                if (r != null) {
                    return r;
                }
            }
            break;
        }
        return PHRASES.firstMatch(text);
    }
}
