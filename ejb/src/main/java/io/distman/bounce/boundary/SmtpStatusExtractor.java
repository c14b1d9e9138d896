package io.distman.bounce.boundary;

import io.distman.bounce.control.StatusCodes;
import io.distman.bounce.entity.SmtpStatus;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the SMTP reply code and RFC 3463 enhanced status code in diagnostic text such as
 * {@code "smtp; 550 5.1.1 <x@example.com>: user unknown"}. Providers often pass on only this text.
 */
public final class SmtpStatusExtractor {

    // The enhanced code is read as the classifier reads it (StatusCodes: one definition of what a code
    // looks like in text, guarded against IP addresses and version numbers).
    private static final Pattern CODE_THEN_ENHANCED =
            Pattern.compile("(?<![\\d.])([245]\\d\\d)[ \\t-]+" + StatusCodes.ENHANCED_REGEX.substring("(?<![\\d.])".length()));
    private static final Pattern ENHANCED_ANYWHERE = Pattern.compile(StatusCodes.ENHANCED_REGEX);
    // A lone number counts as a reply code only at the start: elsewhere it may be a size or a count.
    private static final Pattern LEADING_CODE =
            Pattern.compile("^\\s*(?:(?:smtp|x-[\\w-]+)\\s*;\\s*)?([245]\\d\\d)(?![\\d.])", Pattern.CASE_INSENSITIVE);

    private SmtpStatusExtractor() {
    }

    public static SmtpStatus fromText(String text) {
        if (text == null || text.isBlank()) {
            return SmtpStatus.NONE;
        }
        Matcher pair = CODE_THEN_ENHANCED.matcher(text);
        if (pair.find()) {
            return new SmtpStatus(Integer.valueOf(pair.group(1)), enhanced(pair, 2));
        }
        Integer code = null;
        Matcher leading = LEADING_CODE.matcher(text);
        if (leading.find()) {
            code = Integer.valueOf(leading.group(1));
        }
        String enhanced = null;
        Matcher anywhere = ENHANCED_ANYWHERE.matcher(text);
        while (enhanced == null && anywhere.find()) {
            String candidate = enhanced(anywhere, 1);
            enhanced = StatusCodes.isPlausible(candidate) ? candidate : null;
        }
        return new SmtpStatus(code, enhanced);
    }

    /** An enhanced code from a dedicated provider field, if it is one. */
    public static String enhancedCode(String field) {
        if (field == null) {
            return null;
        }
        Matcher matcher = ENHANCED_ANYWHERE.matcher(field.strip());
        return matcher.matches() ? enhanced(matcher, 1) : null;
    }

    /** The code whose class, subject and detail are the three groups from {@code first} on. */
    private static String enhanced(Matcher m, int first) {
        return m.group(first) + "." + m.group(first + 1) + "." + m.group(first + 2);
    }
}
