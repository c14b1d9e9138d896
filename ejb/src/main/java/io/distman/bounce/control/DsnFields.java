package io.distman.bounce.control;

import io.distman.bounce.entity.HeaderBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads RFC 3464 delivery-status fields. Tolerates what real MTAs emit: missing blank lines
 * between recipients, fields indented or folded, and the fields pasted into a text part.
 */
public final class DsnFields {

    private DsnFields() {
    }

    /** One facts entry per recipient group found; empty when the text holds no recipient field. */
    public static List<DeliveryFacts> parse(String text) {
        Groups groups = new Groups();
        if (text == null || text.isBlank()) {
            return groups.result;
        }
        for (String[] field : unfold(text)) {
            String name = field[0];
            String value = field[1];
            switch (name) {
                // A blank line ends a recipient's group once it has its address.
                case "" -> groups.endIfAddressed();
                case "original-recipient", "final-recipient", "x-actual-recipient" -> groups.address(name, value);
                case "action" -> {
                    DeliveryFacts current = groups.current();
                    groups.detailsAfterAddress = groups.hasFinal || groups.hasOriginal;
                    current.action = firstWord(value);
                }
                case "status" -> groups.current().status = StatusCodes.fromStatusField(value);
                case "diagnostic-code" -> {
                    DeliveryFacts current = groups.current();
                    int semi = value.indexOf(';');
                    if (semi > 0 && semi < 12) {
                        current.diagnosticType = value.substring(0, semi).trim().toUpperCase(Locale.ROOT);
                        current.diagnostic = value.substring(semi + 1).trim();
                    } else {
                        current.diagnostic = value.trim();
                    }
                }
                case "remote-mta" -> groups.current().remoteMta = stripType(value);
                default -> {
                }
            }
        }
        groups.result.removeIf(f -> f.recipient.isEmpty() && f.status.isEmpty() && f.diagnostic.isEmpty());
        return groups.result;
    }

    /** The recipient groups read so far and the state of the one being read. */
    private static final class Groups {
        final List<DeliveryFacts> result = new ArrayList<>();
        DeliveryFacts current;
        boolean hasFinal;
        boolean hasOriginal;
        // Action/Status seen after the address: a further Original-Recipient starts the next group.
        boolean detailsAfterAddress;

        void endIfAddressed() {
            if (current != null && !current.recipient.isEmpty()) {
                current = null;
            }
        }

        /**
         * The group being read. Some MTAs (MessageLabs, Amazon SES, PMDF) print Action/Status
         * before Final-Recipient; those fields open the recipient's group instead of being dropped.
         */
        DeliveryFacts current() {
            if (current == null) {
                open();
            }
            return current;
        }

        private void open() {
            current = new DeliveryFacts();
            result.add(current);
            hasFinal = false;
            hasOriginal = false;
            detailsAfterAddress = false;
        }

        void address(String name, String value) {
            String address = Addresses.fromDsnValue(value);
            boolean isFinal = name.equals("final-recipient");
            boolean isOriginal = name.equals("original-recipient");
            if (current == null || (isFinal && hasFinal)
                    || (isOriginal && (hasOriginal || hasFinal) && detailsAfterAddress)) {
                open();
            }
            if (isFinal) {
                hasFinal = true;
                if (!address.isEmpty()) {
                    current.recipient = address;
                }
            } else {
                hasOriginal |= isOriginal;
                if (current.recipient.isEmpty()) {
                    current.recipient = address;
                }
            }
        }
    }

    private static String firstWord(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        int cut = 0;
        while (cut < v.length() && Character.isLetter(v.charAt(cut))) {
            cut++;
        }
        return v.substring(0, cut);
    }

    private static String stripType(String value) {
        int semi = value.indexOf(';');
        String v = semi >= 0 && semi < 12 ? value.substring(semi + 1) : value;
        return v.trim().toLowerCase(Locale.ROOT);
    }

    /** Lines to [lower-case name, unfolded value]; non-field lines continue the previous value. */
    static List<String[]> unfold(String text) {
        List<String[]> fields = new ArrayList<>();
        String[] last = null;
        for (String raw : text.split("\r?\n")) {
            if (raw.isBlank()) {
                if (last != null) {
                    fields.add(new String[] {"", ""});
                }
                last = null;
                continue;
            }
            String line = raw.stripTrailing();
            boolean continuation = Character.isWhitespace(line.charAt(0));
            String trimmed = line.trim();
            int colon = trimmed.indexOf(':');
            boolean looksLikeField = colon > 0 && HeaderBlock.isFieldName(trimmed.substring(0, colon))
                    && KNOWN.contains(trimmed.substring(0, colon).toLowerCase(Locale.ROOT));
            if (looksLikeField) {
                last = new String[] {trimmed.substring(0, colon).toLowerCase(Locale.ROOT),
                        trimmed.substring(colon + 1).trim()};
                fields.add(last);
            } else if (last != null && (continuation || !trimmed.contains(": "))) {
                last[1] = last[1] + " " + trimmed;
            } else {
                last = null;
            }
        }
        return fields;
    }

    private static final java.util.Set<String> KNOWN = java.util.Set.of(
            "original-recipient", "final-recipient", "x-actual-recipient", "action", "status",
            "diagnostic-code", "remote-mta", "reporting-mta", "last-attempt-date", "will-retry-until",
            "received-from-mta", "arrival-date", "original-envelope-id", "dsn-gateway", "x-postfix-queue-id",
            "x-postfix-sender", "x-original-message-id", "x-display-name", "x-supplementary-info",
            "final-log-id", "x-remote-mta");
}
