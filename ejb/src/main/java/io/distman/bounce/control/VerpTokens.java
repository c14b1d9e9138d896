package io.distman.bounce.control;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the VERP token from a bounce addressed to {@code bounce+<token>@domain}, the return
 * path Distribution Manager stamps on every outgoing message so a bounce can be tied to its
 * recipient even when the remote MTA mangles everything else.
 */
public final class VerpTokens {

    private static final Pattern VERP = Pattern.compile("(?i)\\bbounce\\+([^@\\s<>\"';,]+)@[A-Za-z0-9.\\-]+");

    /** Envelope-ish headers of the bounce, most reliable first. */
    private static final List<String> BOUNCE_HEADERS = List.of(
            "x-original-to", "delivered-to", "envelope-to", "x-envelope-to", "x-rcpt-to", "original-recipient",
            "to", "received");

    private VerpTokens() {
    }

    public static String find(ParsedMail mail, ReturnedMessage returned) {
        for (String header : BOUNCE_HEADERS) {
            for (String value : mail.headers().all(header)) {
                String token = extract(value);
                if (!token.isEmpty()) {
                    return token;
                }
            }
        }
        // The original message's envelope sender is the same bounce address.
        for (String header : List.of("return-path", "errors-to", "sender")) {
            String token = extract(returned.headers().first(header));
            if (!token.isEmpty()) {
                return token;
            }
        }
        return "";
    }

    /** The token in one header value, or empty. */
    public static String extract(String value) {
        if (value == null) {
            return "";
        }
        Matcher m = VERP.matcher(value);
        return m.find() ? m.group(1) : "";
    }
}
