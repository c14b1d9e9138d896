package io.distman.bounce.control;

import io.distman.bounce.entity.HeaderBlock;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Separates the notification text from the copy of the original message that bounces quote
 * back, wherever it is: a message/rfc822 or text/rfc822-headers part, or inline after one of
 * the separators MTAs print.
 *
 * @param notification the human-readable part only, without the quoted original
 * @param headers      headers of the original message (empty block when none were returned)
 */
public record ReturnedMessage(String notification, HeaderBlock headers) {

    private static final List<Pattern> SEPARATORS = List.of(
            Pattern.compile("(?im)^[ \\t]*-+ ?this is a copy of (?:the|your) message.*$"),
            Pattern.compile("(?im)^[ \\t]*-+ ?below this line is a copy of the message.*$"),
            Pattern.compile("(?im)^[ \\t]*-+ ?(?:original message|unsent message|returned message|the original message was received|original message follows|message text follows|the header of the original message).*$"),
            Pattern.compile("(?im)^[ \\t]*-+ ?(?:original|unsent) message follows.*$"),
            Pattern.compile("(?im)^[ \\t]*-+ ?(?:this is a copy of the headers|headers of (?:the|your) message|message headers follow|the following is a copy of the message).*$"),
            Pattern.compile("(?im)^[ \\t]*(?:message headers follow|original message headers|headers of the original message)[ .:]*$"),
            Pattern.compile("(?im)^[ \\t]*-+ ?(?:start|begin) of (?:returned|original|the original) (?:message|headers).*$"),
            Pattern.compile("(?im)^[ \\t]*the (?:original message|message headers|headers) (?:was|were|are|is) as follows.*$")
    );

    /**
     * A run of header-looking lines: where a quoted original starts when no separator is printed.
     * The folded lines are taken possessively: a greedy group repetition recurses once per line in
     * java.util.regex and overflows the stack on a few ten thousand of them; backing off into them
     * never helps, since the next field starts with a letter and a folded line with a blank.
     */
    private static final Pattern HEADER_START = Pattern.compile(
            "(?m)^(?:Return-[Pp]ath|Received|DKIM-Signature|X-[A-Za-z-]+|Message-I[Dd]|MIME-Version|Date|From|To|Subject|Content-Type):[ \\t]?\\S.*\\n(?:[ \\t].*\\n)*+(?:[A-Za-z][A-Za-z0-9-]*:[ \\t]?\\S.*\\n)");

    /** Fields that make a header block the quoted original rather than a summary in the notification. */
    private static final java.util.Set<String> MESSAGE_FIELDS = java.util.Set.of("from", "received", "message-id", "return-path");

    public static ReturnedMessage of(ParsedMail mail) {
        String text = mail.text().replace("\r\n", "\n");
        String notification = text;
        String quoted = "";
        int cut = firstSeparator(text);
        if (cut >= 0) {
            notification = text.substring(0, cut);
            quoted = text.substring(cut);
            int eol = quoted.indexOf('\n');
            quoted = eol < 0 ? "" : quoted.substring(eol + 1);
        }
        String returned = mail.returned();
        HeaderBlock headers = HeaderBlock.parse(stripLeadingBlank(returned));
        if (headers.isEmpty() && !quoted.isEmpty()) {
            headers = HeaderBlock.parse(fromFirstHeader(quoted));
        }
        if (headers.isEmpty() && cut < 0) {
            Matcher m = HEADER_START.matcher(text);
            MessageFieldScan scan = new MessageFieldScan(text);
            while (m.find()) {
                // "Subject: ... / Date: ..." summaries of the failed message are part of the
                // notification; a quoted original names its sender or its route. Asked of the
                // scan, not by parsing the rest of the text at every candidate (quadratic).
                if (m.start() > 0 && scan.blockHasMessageField(m.start())) {
                    notification = text.substring(0, m.start());
                    headers = HeaderBlock.parse(text.substring(m.start()));
                    break;
                }
            }
        }
        return new ReturnedMessage(notification, headers);
    }

    /**
     * Answers, for increasing offsets, whether the header block starting there (up to the first
     * empty line, as {@link HeaderBlock#parse} reads it) holds one of {@link #MESSAGE_FIELDS}. The
     * answer of one scan holds for every later offset before the line it stopped at, so the whole
     * text is read about once however many candidates there are.
     */
    private static final class MessageFieldScan {
        private final String text;
        private int scannedFrom = -1;
        private int stoppedAt = -1;
        private boolean found;

        MessageFieldScan(String text) {
            this.text = text;
        }

        boolean blockHasMessageField(int start) {
            if (start < scannedFrom || start > stoppedAt) {
                scan(start);
            }
            return found;
        }

        private void scan(int start) {
            scannedFrom = start;
            int line = start;
            while (line < text.length()) {
                int eol = text.indexOf('\n', line);
                int end = eol < 0 ? text.length() : eol;
                if (end == line || (end == line + 1 && text.charAt(line) == '\r')) {
                    break; // the empty line that ends the block
                }
                char first = text.charAt(line);
                int colon = colonIn(line, end);
                if (first != ' ' && first != '\t' && colon > line
                        && MESSAGE_FIELDS.contains(text.substring(line, colon).toLowerCase(Locale.ROOT))) {
                    stoppedAt = line;
                    found = true;
                    return;
                }
                line = end + 1;
            }
            stoppedAt = line;
            found = false;
        }

        /** The first ':' of the line, or -1: never searched past its end, or lines without one would rescan the rest. */
        private int colonIn(int from, int end) {
            for (int i = from; i < end; i++) {
                if (text.charAt(i) == ':') {
                    return i;
                }
            }
            return -1;
        }
    }

    private static int firstSeparator(String text) {
        int best = -1;
        for (Pattern p : SEPARATORS) {
            Matcher m = p.matcher(text);
            if (m.find() && (best < 0 || m.start() < best)) {
                best = m.start();
            }
        }
        return best;
    }

    private static String stripLeadingBlank(String s) {
        int i = 0;
        while (i < s.length() && (s.charAt(i) == '\n' || s.charAt(i) == '\r')) {
            i++;
        }
        return s.substring(i);
    }

    /** Quoted originals are often preceded by blank lines or indented; find the header block. */
    private static String fromFirstHeader(String quoted) {
        String[] lines = quoted.split("\n", -1);
        StringBuilder sb = new StringBuilder();
        boolean started = false;
        for (String line : lines) {
            String l = line.startsWith("> ") ? line.substring(2) : line;
            if (!started) {
                if (l.isBlank()) {
                    continue;
                }
                String t = l.strip();
                int colon = t.indexOf(':');
                if (colon > 0 && HeaderBlock.isFieldName(t.substring(0, colon))) {
                    started = true;
                    sb.append(t).append('\n');
                }
                continue;
            }
            if (l.isBlank()) {
                break;
            }
            sb.append(l.startsWith(" ") || l.startsWith("\t") ? l : l.strip()).append('\n');
        }
        return sb.toString();
    }

    /** Message-ID of the original message with angle brackets, or empty. */
    public String messageId() {
        String id = headers.first("message-id");
        Matcher m = Pattern.compile("<[^<>\\s]+>").matcher(id);
        if (m.find()) {
            return m.group();
        }
        return id.isBlank() ? "" : "<" + id.trim() + ">";
    }

    /** First address of the original To: header, lower-cased, or empty. */
    public String originalTo() {
        return Addresses.first(headers.first("to"));
    }

    public String notificationLower() {
        return notification.toLowerCase(Locale.ROOT);
    }
}
