package io.distman.feedback.control.webhook;

import java.util.Map;

/** HTTP header names are case-insensitive, but callers hand us plain maps. */
final class HeaderLookup {

    private HeaderLookup() {
    }

    static String get(Map<String, String> headers, String name) {
        if (headers == null) {
            return null;
        }
        String value = headers.get(name);
        if (value != null) {
            return value;
        }
        for (Map.Entry<String, String> entry : headers.entrySet()) {
            if (entry.getKey() != null && entry.getKey().equalsIgnoreCase(name)) {
                return entry.getValue();
            }
        }
        return null;
    }
}
