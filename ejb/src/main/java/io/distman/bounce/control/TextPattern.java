package io.distman.bounce.control;

import java.util.ArrayList;
import java.util.List;

/**
 * A set of lower-case phrases, each either a plain substring or a sequence of fragments that
 * must appear in order ("mailbox * full"). Ordered fragments catch the many wordings MTAs
 * wrap around the same idea without resorting to hard-to-review regular expressions.
 */
public final class TextPattern {

    private final List<String[]> sequences = new ArrayList<>();
    private final List<String> exclusions = new ArrayList<>();

    public static TextPattern of(String... phrases) {
        TextPattern p = new TextPattern();
        for (String phrase : phrases) {
            p.sequences.add(phrase.split("\\*", -1));
        }
        return p;
    }

    /** Phrases that veto a match, e.g. "recipient address rejected" for sender rejections. */
    public TextPattern unless(String... phrases) {
        exclusions.addAll(List.of(phrases));
        return this;
    }

    /** Matches lower-cased text. */
    public boolean matches(String lowerText) {
        if (lowerText == null || lowerText.isEmpty()) {
            return false;
        }
        for (String ex : exclusions) {
            if (lowerText.contains(ex)) {
                return false;
            }
        }
        for (String[] seq : sequences) {
            if (inOrder(lowerText, seq)) {
                return true;
            }
        }
        return false;
    }

    private static boolean inOrder(String text, String[] fragments) {
        int from = 0;
        for (int i = 0; i < fragments.length; i++) {
            String f = fragments[i];
            int at = text.indexOf(f, from);
            if (at < 0 && i == fragments.length - 1 && endsWord(f, text, from)) {
                // A trailing space marks the end of a word ("transaction failed "); the end of
                // the text ends the word too.
                return true;
            }
            if (at < 0) {
                return false;
            }
            from = at + f.length();
        }
        return true;
    }

    private static boolean endsWord(String fragment, String text, int from) {
        if (!fragment.endsWith(" ") || fragment.isBlank()) {
            return false;
        }
        String word = fragment.stripTrailing();
        return text.endsWith(word) && text.length() - word.length() >= from;
    }
}
