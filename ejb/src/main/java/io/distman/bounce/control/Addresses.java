package io.distman.bounce.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds and normalises email addresses in the loose forms bounces print them. */
public final class Addresses {

    private static final Pattern ADDRESS = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~.\\-]+@[A-Za-z0-9](?:[A-Za-z0-9\\-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9\\-]*[A-Za-z0-9])?)*");

    private Addresses() {
    }

    /** First plausible address in the text, lower-cased; empty if none. */
    public static String first(String text) {
        List<String> all = all(text);
        return all.isEmpty() ? "" : all.get(0);
    }

    public static List<String> all(String text) {
        List<String> found = new ArrayList<>();
        if (text == null) {
            return found;
        }
        Matcher m = ADDRESS.matcher(text);
        while (m.find()) {
            String a = clean(m.group());
            if (isPlausible(a) && !found.contains(a)) {
                found.add(a);
            }
        }
        return found;
    }

    /**
     * Normalises a DSN address value such as {@code rfc822; <User@Example.COM>} to
     * {@code user@example.com}.
     */
    public static String fromDsnValue(String value) {
        if (value == null) {
            return "";
        }
        String v = value.trim();
        int semi = v.indexOf(';');
        if (semi >= 0 && semi < 12 && !v.substring(0, semi).contains("@")) {
            v = v.substring(semi + 1).trim();
        }
        Matcher quoted = QUOTED_LOCAL.matcher(v);
        if (quoted.lookingAt()) {
            // RFC 5322 3.4.1: a local part that is not a dot-atom (here "a..b") exists only in its
            // quoted form; without the quotes it is another, invalid address.
            return quoted.group(1).toLowerCase(Locale.ROOT);
        }
        String a = first(v);
        return a;
    }

    /** {@code "local part"@domain} at the start of a DSN value, optionally in angle brackets. */
    private static final Pattern QUOTED_LOCAL = Pattern.compile(
            "<?(\"(?:[^\"\\\\\r\n]|\\\\.){1,64}\"@[A-Za-z0-9](?:[A-Za-z0-9\\-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9\\-]*[A-Za-z0-9])?)+)>?");

    static String clean(String s) {
        String a = s.toLowerCase(Locale.ROOT);
        while (!a.isEmpty() && ".-'`".indexOf(a.charAt(0)) >= 0) {
            a = a.substring(1);
        }
        while (!a.isEmpty() && ".-".indexOf(a.charAt(a.length() - 1)) >= 0) {
            a = a.substring(0, a.length() - 1);
        }
        return a;
    }

    static boolean isPlausible(String a) {
        int at = a.indexOf('@');
        if (at <= 0 || at == a.length() - 1) {
            return false;
        }
        String domain = a.substring(at + 1);
        // Message-IDs look like addresses; their right side rarely has a dot-separated TLD.
        return domain.contains(".") || domain.equals("localhost");
    }

    /** True for addresses of mail-system robots that never are the failed recipient. */
    public static boolean isMailSystem(String address) {
        String local = address.contains("@") ? address.substring(0, address.indexOf('@')) : address;
        return local.equals("mailer-daemon") || local.equals("postmaster") || local.equals("root")
                || local.equals("noreply") || local.equals("no-reply");
    }
}
