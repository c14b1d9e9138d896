package io.distman.bounce.control;

import java.util.regex.Pattern;

/** Reduces an HTML notification to text so the same patterns apply as for text/plain. */
final class HtmlText {

    private static final Pattern BREAKS = Pattern.compile("(?i)<\\s*(br|/p|/div|/tr|/li|/h\\d|/table)[^>]*>");
    private static final Pattern HIDDEN = Pattern.compile("(?is)<(style|script|head)[^>]*>.*?</\\1\\s*>");
    private static final Pattern TAGS = Pattern.compile("(?s)<[^>]*>");

    private HtmlText() {
    }

    static String strip(String html) {
        String s = HIDDEN.matcher(html).replaceAll(" ");
        s = BREAKS.matcher(s).replaceAll("\n");
        s = TAGS.matcher(s).replaceAll(" ");
        s = s.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
        return s.replaceAll("[ \\t\\x0B\\f]+", " ").replaceAll("\n\\s*\n+", "\n");
    }
}
