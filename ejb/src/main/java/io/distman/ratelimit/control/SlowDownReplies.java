package io.distman.ratelimit.control;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a receiver's reply asks us to slow down as a whole, not just for this message: 421 (the server is
 * closing the channel, RFC 5321) or a 4.7.x policy code whose text speaks of rates or too many connections or
 * messages. A 4.7.x about this one message (say, a greylisting "try again later") is not enough on its own.
 */
public final class SlowDownReplies {

    private static final Pattern RATE = Pattern.compile(
            "too many|rate|throttl|limit|exceeded|slow down|unusual (amount|volume)|deferred due to");

    private SlowDownReplies() {
    }

    public static boolean asksToSlowDown(Integer code, String enhancedCode, String text) {
        if (code != null && code == 421) {
            return true;
        }
        boolean transient4xx = code == null || code / 100 == 4;
        return transient4xx && enhancedCode != null && enhancedCode.startsWith("4.7.") && text != null
                && RATE.matcher(text.toLowerCase(Locale.ROOT)).find();
    }
}
