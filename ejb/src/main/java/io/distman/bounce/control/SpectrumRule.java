package io.distman.bounce.control;

import static io.distman.bounce.entity.Reason.*;

import io.distman.bounce.entity.Reason;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spectrum / Charter: {@code AUP#I-1310} style tags; the four-digit number falls in ranges that
 * Spectrum documents (13xx connection limits, 135x-149x sending limits, ...).
 */
final class SpectrumRule implements ProviderRule {

    private static final Pattern AUP = Pattern.compile("AUP#\\D*(\\d{4})");

    /** {from, to, reason}: inclusive code ranges. */
    private static final Object[][] RANGES = {
            {1000, 1000, BLOCKED}, {1010, 1010, REJECTED}, {1020, 1080, REJECTED},
            {1090, 1090, SYSTEMERROR}, {1100, 1150, REQUIREPTR}, {1160, 1190, POLICYVIOLATION},
            {1200, 1210, BLOCKED}, {1220, 1250, BLOCKED}, {1260, 1260, NETWORKERROR},
            {1300, 1340, TOOMANYCONN}, {1350, 1490, SPEEDING}, {1500, 1500, REJECTED},
            {1520, 1520, REJECTED}, {1530, 1530, MESGTOOBIG}, {1540, 1550, SPEEDING},
            {1560, 1560, POLICYVIOLATION}, {1580, 1580, SPEEDING},
    };

    @Override
    public Reason reasonFor(DeliveryFacts facts) {
        Matcher m = AUP.matcher(facts.diagnostic);
        if (!m.find()) {
            return null;
        }
        int code = Integer.parseInt(m.group(1));
        for (Object[] range : RANGES) {
            if (code >= (int) range[0] && code <= (int) range[1]) {
                return (Reason) range[2];
            }
        }
        return null;
    }
}
