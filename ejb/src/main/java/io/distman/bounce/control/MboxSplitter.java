package io.distman.bounce.control;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits an mbox file into its messages. A mailbox saved from a mail client, or the bounce
 * address's spool, holds several messages, each opened by a "From sender date" postmark line;
 * read as one MIME message, everything after the first would be lost.
 */
final class MboxSplitter {

    /** "From MAILER-DAEMON  Thu Apr 29 23:34:45 2015" after a blank line: the start of the next message. */
    private static final Pattern POSTMARK = Pattern.compile(
            "\\r?\\n\\r?\\nFrom \\S+ +\\w{3} \\w{3} +\\d{1,2} \\d{2}:\\d{2}(?::\\d{2})? (?:[A-Z]{3,4} )?\\d{4}\\r?\\n");

    private MboxSplitter() {
    }

    /** The messages; the input itself when it does not start with a postmark line or holds one message. */
    static List<byte[]> split(byte[] bytes) {
        if (bytes.length < 5 || !new String(bytes, 0, 5, StandardCharsets.ISO_8859_1).equals("From ")) {
            return List.of(bytes);
        }
        // ISO-8859-1 maps bytes 1:1 to chars, so offsets in the string are offsets in the bytes.
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        List<byte[]> messages = new ArrayList<>();
        Matcher m = POSTMARK.matcher(text);
        int start = 0;
        while (m.find()) {
            int blank = text.indexOf("From ", m.start());
            messages.add(Arrays.copyOfRange(bytes, start, m.start() + 1));
            start = blank;
        }
        if (messages.isEmpty()) {
            return List.of(bytes);
        }
        messages.add(Arrays.copyOfRange(bytes, start, bytes.length));
        return messages;
    }
}
