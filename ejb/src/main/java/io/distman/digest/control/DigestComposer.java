package io.distman.digest.control;

import io.distman.message.entity.Delivery;
import io.distman.message.entity.Message;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * The digest's text: a list of what was held (subject, when, from whom), then each held mail's text in turn, so the
 * recipient can read everything without another mail. There is no "view online" page for recipients in this product,
 * so the mails themselves are in the digest. Pure, so it is tested without a server.
 */
public final class DigestComposer {

    /** A held mail's text is cut here: the digest must stay within the submission's body limit whatever was held. */
    static final int MAX_TEXT = 20_000;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm");

    private DigestComposer() {
    }

    public static String subject(int count) {
        return "Your digest: " + count + " message" + (count == 1 ? "" : "s");
    }

    /**
     * @param texts       each held message's text (or its HTML reduced to text) by message id
     * @param notAttached file names that did not fit into the digest, by message id
     */
    public static String text(List<Delivery> held, Map<Long, String> texts, Map<Long, List<String>> notAttached, ZoneId zone) {
        StringBuilder out = new StringBuilder("You chose to receive these messages together. Held since your last digest ("
                + held.size() + "):\n\n");
        int n = 1;
        for (Delivery d : held) {
            out.append(n++).append(". ").append(line(d.getMessage(), zone)).append('\n');
        }
        n = 1;
        for (Delivery d : held) {
            Message m = d.getMessage();
            out.append("\n---------------------------------------------\n").append(n++).append(". ").append(m.getSubject())
                    .append('\n').append(line(m, zone)).append("\n\n");
            String text = texts.getOrDefault(m.getId(), "");
            out.append(text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) + "\n[... shortened]" : text).append('\n');
            for (String file : notAttached.getOrDefault(m.getId(), List.of())) {
                out.append("[Attachment ").append(file).append(" was too large to include in the digest]\n");
            }
        }
        return out.toString();
    }

    private static String line(Message m, ZoneId zone) {
        String from = m.getSenderName() == null ? m.getSenderAddress() : m.getSenderName() + " <" + m.getSenderAddress() + ">";
        return m.getSubject() + " (" + WHEN.format(m.getCreatedAt().atZone(zone)) + ", from " + from + ")";
    }

    /** A rough text of an HTML-only mail: tags dropped, entities of the common kind read back. */
    public static String textOf(String html) {
        return html.replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", "").replaceAll("(?i)<br\\s*/?>|</p>|</div>|</li>", "\n")
                .replaceAll("<[^>]+>", "").replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&").strip();
    }
}
