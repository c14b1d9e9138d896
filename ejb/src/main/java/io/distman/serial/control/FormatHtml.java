package io.distman.serial.control;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "Format HTML": a plain-text template wrapped as HTML, paragraphs at blank lines and line breaks kept. The text is
 * HTML-escaped outside Pebble's {@code {{ }}} and {@code {% %}} tags, which stay as they are (the merged values are
 * escaped by the engine when the HTML is rendered).
 */
public final class FormatHtml {

    private static final Pattern TAGS = Pattern.compile("\\{\\{.*?}}|\\{%.*?%}|\\{#.*?#}", Pattern.DOTALL);

    private FormatHtml() {
    }

    public static String wrap(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html><body style=\"font-family: sans-serif\">\n");
        for (String paragraph : text.strip().replace("\r\n", "\n").split("\n\\s*\n")) {
            html.append("<p>").append(escapeOutsideTags(paragraph.strip()).replace("\n", "<br>\n")).append("</p>\n");
        }
        return html.append("</body></html>\n").toString();
    }

    private static String escapeOutsideTags(String text) {
        StringBuilder out = new StringBuilder();
        Matcher m = TAGS.matcher(text);
        int last = 0;
        while (m.find()) {
            out.append(escape(text.substring(last, m.start()))).append(m.group());
            last = m.end();
        }
        return out.append(escape(text.substring(last))).toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
