package io.distman.submission.control;

/**
 * Character-level checks on request text. Java strings reach us already decoded, so invalid UTF-8
 * shows up here as unpaired surrogates (from a broken encoder) or NUL characters; REST bodies are
 * decoded strictly before they get this far.
 */
public final class TextCheck {

    private TextCheck() {
    }

    /** @return null when the text could be written as UTF-8, else what is wrong */
    public static String encodingProblem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return "contains a NUL character";
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "is not valid UTF-8 (unpaired surrogate at position " + i + ")";
            }
            if (Character.isLowSurrogate(c)) {
                return "is not valid UTF-8 (unpaired surrogate at position " + i + ")";
            }
        }
        return null;
    }

    public static boolean hasLineBreak(String text) {
        return text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0;
    }

    /** Control characters other than tab, which no header or address may carry. */
    public static boolean hasControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                return true;
            }
        }
        return false;
    }
}
