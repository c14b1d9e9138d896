package io.distman.bounce.entity;

import jakarta.mail.internet.MimeUtility;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Case-insensitive, order-keeping view of an RFC 5322 header section. Parsed by hand rather
 * than through Jakarta Mail because returned headers arrive as plain text inside bounce bodies,
 * often truncated or indented by the MTA that quoted them.
 */
public final class HeaderBlock {

    private final Map<String, List<String>> fields = new LinkedHashMap<>();

    public static HeaderBlock parse(String text) {
        HeaderBlock block = new HeaderBlock();
        if (text == null) {
            return block;
        }
        String name = null;
        StringBuilder value = new StringBuilder();
        for (String line : text.split("\r?\n", -1)) {
            if (line.isEmpty()) {
                break;
            }
            if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && name != null) {
                value.append(' ').append(line.trim());
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || !isFieldName(line.substring(0, colon))) {
                // Quoted headers are sometimes indented or interrupted; skip noise, keep going.
                continue;
            }
            if (name != null) {
                block.add(name, value.toString());
            }
            name = line.substring(0, colon);
            value.setLength(0);
            value.append(line.substring(colon + 1).trim());
        }
        if (name != null) {
            block.add(name, value.toString());
        }
        return block;
    }

    public static boolean isFieldName(String s) {
        if (s.isEmpty() || s.length() > 76) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c > '~') {
                return false;
            }
        }
        return true;
    }

    public void add(String name, String value) {
        fields.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                .add(decode(value == null ? "" : value.trim()));
    }

    private static String decode(String value) {
        if (!value.contains("=?")) {
            return value;
        }
        try {
            return MimeUtility.decodeText(value);
        } catch (Exception e) {
            return value;
        }
    }

    /** First value of the field, or empty string. */
    public String first(String name) {
        List<String> values = fields.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? "" : values.get(0);
    }

    public List<String> all(String name) {
        List<String> values = fields.get(name.toLowerCase(Locale.ROOT));
        return values == null ? List.of() : Collections.unmodifiableList(values);
    }

    public boolean has(String name) {
        return fields.containsKey(name.toLowerCase(Locale.ROOT));
    }

    public boolean isEmpty() {
        return fields.isEmpty();
    }
}
