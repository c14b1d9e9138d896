package io.distman.platform.boundary;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Installation settings, read from JVM system properties (set with {@code asadmin
 * create-system-properties}) each time they are used, so a change applies without a redeploy.
 * Durations are ISO-8601 ({@code PT10M}) or plain minutes ({@code 10}).
 */
public final class Settings {

    private Settings() {
    }

    public static String string(String name, String fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    public static long longValue(String name, long fallback) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalStateException("Setting " + name + " must be a whole number, not '" + value + "'", e);
        }
    }

    public static Duration duration(String name, Duration fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : parseDuration(name, value.strip());
    }

    public static List<Duration> durations(String name, List<Duration> fallback) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        List<Duration> result = new ArrayList<>();
        for (String part : value.split(",")) {
            result.add(parseDuration(name, part.strip()));
        }
        return List.copyOf(result);
    }

    private static Duration parseDuration(String name, String value) {
        try {
            return value.startsWith("P") || value.startsWith("p")
                    ? Duration.parse(value) : Duration.ofMinutes(Long.parseLong(value));
        } catch (RuntimeException e) {
            throw new IllegalStateException("Setting " + name + " must be a duration such as PT10M or 10 (minutes), not '"
                    + value + "'", e);
        }
    }
}
