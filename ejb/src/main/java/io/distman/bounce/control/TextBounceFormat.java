package io.distman.bounce.control;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bounces written as prose (Exim, qmail, Exchange 2003, Domino, Gmail, Yahoo, ...). They
 * share a shape: a line naming the failed address, followed by the reason. The failed
 * address is recognised by standing on its own line, the way all these MTAs print it.
 */
public final class TextBounceFormat implements BounceFormat {

    /** An address alone on a line, optionally in brackets/quotes, followed by ':' or "on <date>" etc. */
    private static final Pattern ADDRESS_LINE = Pattern.compile(
            "^[ \\t]*(?:(?:rcpt to|to|recipient|address|original-recipient|failed recipient|recipient address)[ \\t]*:?[ \\t]*)?"
                    + "[\"'(]?<?([^\\s<>\"'():;,@]+@[A-Za-z0-9.\\-\\[\\]]+)>?[\"')]?"
                    + "[ \\t]*(?::|;|,|\\.|\\.\\.\\.)?[ \\t]*(?:on .*|\\(.*\\)|<[^>]*>.*|\\[.*|:.*)?$",
            Pattern.CASE_INSENSITIVE);

    /** Sentences that name the failed recipient inline. */
    private static final Pattern INLINE_RECIPIENT = Pattern.compile(
            "(?i)(?:deliver(?:ing|ed)?(?: your)?(?: mail| message)?(?: to)?|to the following (?:address|recipient)s?:?|"
                    + "could not be delivered to|recipient|for|addressed to|address|to)[ \\t]*:?[ \\t]*<([^\\s<>@]+@[^\\s<>]+)>"
                    + "|(?i)(?:undeliverable to|could not be delivered to|errors?:|failed recipients?:|recipients?:)[ \\t]*"
                    + "([^\\s<>@:;,]+@[A-Za-z0-9.\\-]+[A-Za-z0-9])");

    /** An address opening a line and followed by its explanation ("user@host Invalid Address ..."). */
    private static final Pattern LEADING_ADDRESS = Pattern.compile(
            "^[ \\t]*(?:[*\\-\\u2022][ \\t]*)?<?([^\\s<>\"'():;,@]+@[A-Za-z0-9.\\-]+[A-Za-z0-9])>?[ \\t]+\\S.*$");

    private static final Set<String> NOISE_LINES = Set.of("from", "date", "subject", "sent", "message-id", "cc");

    @Override
    public String name() {
        return "text";
    }

    @Override
    public List<DeliveryFacts> decode(ParsedMail mail, ReturnedMessage returned) {
        if (!BounceSignals.looksLikeBounce(mail)) {
            return List.of();
        }
        String notification = returned.notification();
        Set<String> senders = BounceSignals.senderAddresses(mail, returned);
        Map<String, StringBuilder> found = recipientBlocks(notification, senders);
        List<DeliveryFacts> facts = new ArrayList<>();
        if (found.isEmpty()) {
            // Exim and Google name the failed addresses in a header of the bounce itself.
            Map<String, StringBuilder> any = recipientBlocks(notification, Set.of());
            for (String a : Addresses.all(String.join(",", mail.headers().all("x-failed-recipients")))) {
                found.put(a, any.getOrDefault(a, new StringBuilder(oneLine(notification))));
            }
        }
        if (found.isEmpty()) {
            // Sent to oneself (or anonymised that way): the failed address is also the bounce's
            // To. Accept it only where it stands alone on a line, the way failed addresses are listed.
            Set<String> robots = new java.util.HashSet<>(Addresses.all(mail.from()));
            recipientBlocks(notification, robots).forEach((a, block) -> {
                if (standsAlone(notification, a)) {
                    found.put(a, block);
                }
            });
        }
        if (found.isEmpty()) {
            Matcher m = INLINE_RECIPIENT.matcher(notification);
            while (m.find()) {
                String a = Addresses.clean(m.group(1) != null ? m.group(1) : m.group(2));
                if (Addresses.isPlausible(a) && !senders.contains(a) && !Addresses.isMailSystem(a)) {
                    found.putIfAbsent(a, new StringBuilder());
                }
            }
            found.replaceAll((k, v) -> new StringBuilder(oneLine(notification)));
        }
        if (found.isEmpty()) {
            String to = returned.originalTo();
            if (!to.isEmpty() && !senders.contains(to)) {
                found.put(to, new StringBuilder(oneLine(notification)));
            }
        }
        // Postfix's "--- Delivery report unavailable ---": the notice says nothing about the cause.
        boolean noReport = returned.notificationLower().contains("--- delivery report unavailable ---");
        for (Map.Entry<String, StringBuilder> e : found.entrySet()) {
            DeliveryFacts f = new DeliveryFacts(e.getKey());
            String diag = noReport ? "" : e.getValue().toString().trim();
            f.diagnostic = diag.isEmpty() && !noReport ? oneLine(notification) : diag;
            f.action = "failed";
            facts.add(f);
        }
        return facts;
    }

    /**
     * Recipient → the text printed after it (up to the next recipient). Keeps order of
     * appearance; a recipient mentioned twice gets both texts.
     */
    static Map<String, StringBuilder> recipientBlocks(String notification, Set<String> senders) {
        Map<String, StringBuilder> blocks = new LinkedHashMap<>();
        StringBuilder current = null;
        int linesInBlock = 0;
        for (String line : notification.split("\n")) {
            String address = addressLine(line);
            if (address != null && !senders.contains(address) && !Addresses.isMailSystem(address)
                    && !isHeaderEcho(line)) {
                current = blocks.computeIfAbsent(address, k -> new StringBuilder());
                String rest = restAfterAddress(line);
                if (!rest.isEmpty()) {
                    current.append(' ').append(rest);
                }
                linesInBlock = 0;
                continue;
            }
            if (current != null && !line.isBlank() && linesInBlock < 15) {
                current.append(' ').append(line.trim());
                linesInBlock++;
            }
        }
        return blocks;
    }

    private static final Pattern LONE_ADDRESS = Pattern.compile("^[ \\t]*<?([^\\s<>\"'():;,@]+@[A-Za-z0-9.\\-]+)>?:?[ \\t]*$");

    private static boolean standsAlone(String notification, String address) {
        for (String line : notification.split("\n")) {
            Matcher m = LONE_ADDRESS.matcher(line);
            if (m.matches() && Addresses.clean(m.group(1)).equals(address)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isHeaderEcho(String line) {
        String t = line.trim().toLowerCase(Locale.ROOT);
        int colon = t.indexOf(':');
        return colon > 0 && NOISE_LINES.contains(t.substring(0, colon).trim());
    }

    static String addressLine(String line) {
        if (line.length() > 200 || !line.contains("@")) {
            return null;
        }
        Matcher m = ADDRESS_LINE.matcher(line);
        if (!m.matches()) {
            m = LEADING_ADDRESS.matcher(line);
            if (!m.matches()) {
                return null;
            }
        }
        String a = Addresses.clean(m.group(1));
        Matcher bracketed = NAME_ADDR_TAIL.matcher(line.substring(m.end(1)));
        if (bracketed.lookingAt()) {
            // "text <address>": RFC 5322 name-addr, the bracketed part is the address.
            a = Addresses.clean(bracketed.group(1));
        }
        return Addresses.isPlausible(a) ? a : null;
    }

    private static final Pattern NAME_ADDR_TAIL = Pattern.compile(">?[ \\t]+<([^\\s<>\"'():;,@]+@[A-Za-z0-9.\\-]+)>");

    private static String restAfterAddress(String line) {
        int at = line.indexOf('@');
        int end = at;
        while (end < line.length() && !Character.isWhitespace(line.charAt(end)) && line.charAt(end) != '>') {
            end++;
        }
        String rest = end < line.length() ? line.substring(end + 1).trim() : "";
        if (rest.startsWith(":") || rest.startsWith(">")) {
            rest = rest.substring(1).trim();
        }
        if (rest.toLowerCase(Locale.ROOT).startsWith("on ")) {
            return "";
        }
        return rest;
    }

    /** The text printed near an address (e.g. to complete a DSN whose Diagnostic-Code is missing). */
    static String diagnosticNear(String notification, String recipient) {
        Map<String, StringBuilder> blocks = recipientBlocks(notification, Set.of());
        StringBuilder b = blocks.get(recipient);
        return b == null ? "" : b.toString().trim();
    }

    static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").trim();
    }
}
