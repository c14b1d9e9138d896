package io.distman.audit.control;

/**
 * Text for a spreadsheet cell that a spreadsheet program will never run as a formula. The cells are
 * string cells already, but users copy and paste them, and re-imported text starting with = + - @ or a
 * tab/CR is evaluated: such text gets a leading apostrophe (OWASP "CSV injection").
 */
public final class CellText {

    private CellText() {
    }

    public static String safe(String text) {
        if (text == null || text.isEmpty()) {
            return text == null ? "" : text;
        }
        char c = text.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + text : text;
    }
}
