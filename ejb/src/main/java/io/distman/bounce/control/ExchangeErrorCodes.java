package io.distman.bounce.control;

import static io.distman.bounce.entity.Reason.*;

import io.distman.bounce.entity.Reason;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Exchange 2000/2003 NDRs carry no status code, only an internal error number after the
 * "MSEXCH:" component path, e.g. {@code MSEXCH:IMS:CORP:SITE:SERVER 0 (000C05A6) Unknown Recipient}.
 * The number is stable across languages, the text is not.
 */
final class ExchangeErrorCodes {

    private static final Pattern CODE = Pattern.compile("MSEXCH:[^()]*\\(([0-9A-Fa-f]{8})\\)");
    private static final Map<String, Reason> CODES = new HashMap<>();

    static {
        // 000B099C/000B09AA/000B09B6 only relay a remote MTA's error: the text decides.
        put(ONHOLD, "000B099C", "000B09AA", "000B09B6");
        put(USERUNKNOWN, "000C05A6");      // Unknown Recipient
        put(SYSTEMERROR, "00010256", "000D06B5"); // Too many recipients; no proxy for recipient
        put(NETWORKERROR, "00120270");     // Too Many Hops
        put(CONTENTERROR, "00050311", "000502CC"); // Conversion to Internet format failed
        put(SECURITYERROR, "000B0981");    // 502 Server does not support AUTH
        put(FILTERED, "000C0595");         // Ambiguous Recipient
    }

    private static void put(Reason reason, String... codes) {
        for (String c : codes) {
            CODES.put(c, reason);
        }
    }

    private ExchangeErrorCodes() {
    }

    /** The reason the Exchange error number stands for, or null when there is none. */
    static Reason reasonOf(String diagnostic) {
        Matcher m = CODE.matcher(diagnostic);
        return m.find() ? CODES.get(m.group(1).toUpperCase(java.util.Locale.ROOT)) : null;
    }
}
