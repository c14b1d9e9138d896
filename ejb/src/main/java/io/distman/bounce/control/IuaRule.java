package io.distman.bounce.control;

import static io.distman.bounce.entity.Reason.*;

import io.distman.bounce.entity.Reason;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * I.UA (email.ua): every rejection links to an explanation page {@code http://mail.i.ua/err/N/};
 * the page number is the error class the provider documents there.
 */
final class IuaRule implements ProviderRule {

    private static final Pattern ERR = Pattern.compile("\\.i\\.ua/err/(\\d{1,2})\\b");

    private static final Map<String, Reason> CODES = Map.of(
            "1", NORELAYING,   // SMTP as a mail gate is forbidden
            "2", USERUNKNOWN,  // user is not found
            "3", SUSPEND,      // mailbox unused for more than 3 months
            "4", MAILBOXFULL,
            "5", TOOMANYCONN,  // sending limit exceeded
            "6", NORELAYING,   // use your provider's SMTP server
            "7", BLOCKED,      // wrong HELO/EHLO
            "8", REJECTED,     // sender address could not be checked
            "9", BLOCKED,      // sender IP blacklisted
            "10", FILTERED);   // not in the recipient's address list

    @Override
    public Reason reasonFor(DeliveryFacts facts) {
        Matcher m = ERR.matcher(facts.diagnostic.toLowerCase(Locale.ROOT));
        return m.find() ? CODES.get(m.group(1)) : null;
    }
}
