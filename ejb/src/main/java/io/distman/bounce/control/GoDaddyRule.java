package io.distman.bounce.control;

import static io.distman.bounce.entity.Reason.*;

import io.distman.bounce.entity.Reason;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** GoDaddy (secureserver.net): replies end with an {@code IBnnn} code from GoDaddy's help pages. */
final class GoDaddyRule implements ProviderRule {

    private static final Pattern CODE = Pattern.compile("(?:^|\\s)(IB\\d{3})\\b");
    private static final Map<String, Reason> CODES = new HashMap<>();

    static {
        put(SECURITYERROR, "IB401");
        put(NOTCOMPLIANTRFC, "IB501", "IB502");
        put(REJECTED, "IB506");
        put(AUTHFAILURE, "IB508");
        put(REQUIREPTR, "IB108");
        put(SPAMDETECTED, "IB212");
        put(VIRUSDETECTED, "IB705");
        put(TOOMANYCONN, "IB605", "IB007");
        put(SPEEDING, "IB101", "IB504", "IB510", "IB607");
        put(BLOCKED, "IB110", "IB111", "IB112", "IB113", "IB104", "IB105", "IB106");
        put(BADREPUTATION, "IB103");
    }

    private static final PhraseRule PHRASES = new PhraseRule()
            .with(BLOCKED, "rbl reject", "www.spamhaus.org/query/bl?ip=")
            .with(EXPIRED, "has been in the queue too long", "delivery timeout")
            .with(MAILBOXFULL, "account storage limit")
            .with(SPAMDETECTED, "message rejected for spam or virus content")
            .with(SUSPEND, "account disabled")
            .with(SYSTEMERROR, "message is looping")
            .with(USERUNKNOWN, "recipient not found", "account does not exist");

    private static void put(Reason reason, String... codes) {
        for (String c : codes) {
            CODES.put(c, reason);
        }
    }

    @Override
    public Reason reasonFor(DeliveryFacts facts) {
        Matcher m = CODE.matcher(facts.diagnostic.toUpperCase(Locale.ROOT));
        if (m.find() && CODES.containsKey(m.group(1))) {
            return CODES.get(m.group(1));
        }
        return PHRASES.reasonFor(facts);
    }
}
