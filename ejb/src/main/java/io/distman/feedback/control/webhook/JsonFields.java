package io.distman.feedback.control.webhook;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.List;

/**
 * Lenient field access. Providers add, drop and re-type optional fields over time; a missing or
 * oddly typed optional field must not cost us the whole event, so these return {@code null} instead
 * of throwing.
 */
final class JsonFields {

    private JsonFields() {
    }

    static JsonObject object(JsonObject parent, String key) {
        if (parent == null) {
            return null;
        }
        JsonValue value = parent.get(key);
        return value instanceof JsonObject object ? object : null;
    }

    static JsonArray array(JsonObject parent, String key) {
        if (parent == null) {
            return null;
        }
        JsonValue value = parent.get(key);
        return value instanceof JsonArray array ? array : null;
    }

    /** Strings as they are, numbers and booleans in their JSON spelling; blank counts as absent. */
    static String text(JsonObject parent, String key) {
        return parent == null ? null : text(parent.get(key));
    }

    static String text(JsonValue value) {
        String text;
        if (value instanceof JsonString string) {
            text = string.getString();
        } else if (value instanceof JsonNumber number) {
            text = number.toString();
        } else if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
            text = value.toString();
        } else {
            return null;
        }
        return text.isBlank() ? null : text;
    }

    static Integer integer(JsonObject parent, String key) {
        String text = text(parent, key);
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** JSON booleans, and the strings and numbers some providers use instead. */
    static boolean flag(JsonObject parent, String key) {
        String text = text(parent, key);
        return text != null && (text.equalsIgnoreCase("true") || text.equals("1"));
    }

    static boolean has(JsonObject parent, String key) {
        return parent != null && parent.containsKey(key) && parent.get(key) != JsonValue.NULL;
    }

    /** Texts of an array of strings, or of one field of an array of objects when {@code field} is given. */
    static List<String> texts(JsonArray array, String field) {
        List<String> result = new ArrayList<>();
        if (array == null) {
            return result;
        }
        for (JsonValue item : array) {
            String text = field == null ? text(item) : item instanceof JsonObject o ? text(o, field) : null;
            if (text != null) {
                result.add(text);
            }
        }
        return result;
    }
}
