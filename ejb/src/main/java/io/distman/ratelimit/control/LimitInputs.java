package io.distman.ratelimit.control;

import io.distman.ratelimit.entity.InvalidLimitException;
import java.net.IDN;
import java.util.Locale;
import java.util.regex.Pattern;

/** Checks what an admin types in as a limit, naming the field that is wrong; nothing else is stored. */
public final class LimitInputs {

    /** Beyond these a limit is no limit at all, and most likely a typing error. */
    public static final int MAX_PER_SECOND = 10_000;
    public static final int MAX_PER_CONNECTION = 100_000;
    public static final int MAX_CONNECTIONS = 1_000;
    public static final int MAX_PER_HOUR = 10_000_000;

    /** LDH labels of 1-63 characters, at least two of them, the last not all digits (so no IP address). */
    private static final Pattern DOMAIN = Pattern.compile(
            "(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+(?![0-9]+$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    private LimitInputs() {
    }

    /** A positive bound up to {@code max}, or null (no limit) when {@code value} is null. */
    public static Integer optionalBound(String field, Integer value, int max) {
        return value == null ? null : bound(field, value, max);
    }

    public static int bound(String field, Integer value, int max) {
        if (value == null) {
            throw new InvalidLimitException(field, "is required");
        }
        if (value < 1 || value > max) {
            throw new InvalidLimitException(field, "must be between 1 and " + max + ", not " + value);
        }
        return value;
    }

    /** The domain as deliveries are matched against it: ASCII (punycode), lower case, no trailing dot. */
    public static String domain(String field, String input) {
        if (input == null || input.isBlank()) {
            throw new InvalidLimitException(field, "is required");
        }
        String domain = normalised(input);
        if (domain == null || !DOMAIN.matcher(domain).matches()) {
            throw new InvalidLimitException(field, "'" + clip(input.strip()) + "' is not a domain name such as gmail.com");
        }
        return domain;
    }

    /** A delivery's domain in the form limits are stored in, or null when it has none that could be one. */
    public static String normalised(String domain) {
        if (domain == null) {
            return null;
        }
        try {
            String ascii = IDN.toASCII(domain.strip(), IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
            return ascii.endsWith(".") ? ascii.substring(0, ascii.length() - 1) : ascii;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String clip(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }
}
