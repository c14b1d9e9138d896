package io.distman.bounce.control;

import static io.distman.bounce.entity.Reason.*;

import io.distman.bounce.entity.Reason;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What an RFC 3463 enhanced status code says about the reason on its own. Follows the
 * assignments Sisimai makes (Sisimai::SMTP::Status); codes that are too vague to name a reason
 * (x.0.0, 4.3.0, 4.4.0 ...) are deliberately absent so the text decides.
 */
public final class StatusReasons {

    private static final Map<String, Reason> TABLE = new HashMap<>();

    static {
        put(DELIVERED, "2.1.5");
        put(HASMOVED, "4.1.6", "5.1.6", "5.7.17", "5.7.18");
        put(REJECTED, "4.1.7", "4.1.8", "5.1.7", "5.1.8");
        put(SYSTEMERROR, "4.1.9", "4.3.3", "4.3.5", "4.4.3", "4.5.3", "4.5.5",
                "5.1.9", "5.3.0", "5.3.3", "5.3.5", "5.4.3", "5.5.4", "5.5.5");
        put(BLOCKED, "4.7.1", "4.7.2");
        put(MAILBOXFULL, "4.2.2", "5.2.2");
        put(EXCEEDLIMIT, "4.2.3", "5.2.3");
        put(FILTERED, "4.2.4", "5.1.4", "5.2.0", "5.2.1", "5.2.4");
        put(SYSTEMFULL, "4.3.1", "4.4.5", "5.3.1");
        // 5.1.10 is left out on purpose: RFC 7505 means null MX, but Microsoft uses it for
        // "recipient not found", so the text has to decide.
        put(NOTACCEPT, "4.3.2", "5.3.2", "5.7.27");
        put(EXPIRED, "4.4.1", "4.4.7");
        put(NETWORKERROR, "4.4.2", "4.4.4", "4.4.6", "4.4.8", "5.4.0");
        put(CONTENTERROR, "4.6.0", "4.6.2", "4.6.5", "5.6.0", "5.6.1", "5.6.2", "5.6.3", "5.6.5",
                "5.6.6", "5.6.7", "5.6.8", "5.6.9");
        put(SECURITYERROR, "4.7.5", "4.7.6", "4.7.7", "4.7.12", "4.7.15", "5.7.0", "5.7.1", "5.7.2",
                "5.7.3", "5.7.4", "5.7.5", "5.7.6", "5.7.7", "5.7.8", "5.7.9", "5.7.10", "5.7.11",
                "5.7.14", "5.7.15", "5.7.19", "5.7.30");
        put(MESGTOOBIG, "4.7.16", "5.3.4", "5.7.16");
        put(AUTHFAILURE, "4.7.24", "4.7.26", "5.7.20", "5.7.21", "5.7.22", "5.7.23", "5.7.24",
                "5.7.26", "5.7.29");
        put(REQUIREPTR, "4.7.25", "5.7.25");
        put(USERUNKNOWN, "5.1.0", "5.1.1", "5.1.3");
        put(HOSTUNKNOWN, "5.1.2", "5.4.4");
        put(SYNTAXERROR, "5.5.2", "5.5.6");
        put(TOOMANYCONN, "5.5.3");
        put(SUSPEND, "4.2.1", "5.7.13");
        put(SPAMDETECTED, "5.7.28");
    }

    private static void put(Reason reason, String... codes) {
        for (String code : codes) {
            TABLE.put(code, reason);
        }
    }

    private StatusReasons() {
    }

    public static Optional<Reason> of(String status) {
        return Optional.ofNullable(status == null ? null : TABLE.get(status));
    }
}
