package io.distman.bounce.control;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sendmail's prose bounces (classic V5/V8 without a DSN part, and clones): a session
 * transcript where {@code >>>} lines are our commands, {@code <<<} lines the remote replies and
 * {@code NNN <address>... text} lines the verdict per recipient.
 */
public final class SendmailTranscriptFormat implements BounceFormat {

    private static final Pattern VERDICT = Pattern.compile("^\\s*([245]\\d\\d)[ -](?:[245]\\.\\d{1,3}\\.\\d{1,3} )?<?([^<>\\s]+@[^<>\\s]+?)>?\\.\\.\\.\\s*(.*)$");
    private static final Pattern SENT = Pattern.compile("^\\s*>>> ?([A-Za-z]+)");
    private static final Pattern TALKING = Pattern.compile("(?i)^\\s*while talking to ");

    @Override
    public String name() {
        return "sendmail";
    }

    @Override
    public List<DeliveryFacts> decode(ParsedMail mail, ReturnedMessage returned) {
        String notification = returned.notification();
        if (!notification.toLowerCase().contains("transcript of session follows")) {
            return List.of();
        }
        Map<String, DeliveryFacts> byRecipient = new LinkedHashMap<>();
        List<String> context = new ArrayList<>();
        String command = "";
        for (String line : notification.split("\n")) {
            if (TALKING.matcher(line).find()) {
                // A new remote host: what was said to the previous one is not about the next recipients.
                context.clear();
                command = "";
                continue;
            }
            Matcher sent = SENT.matcher(line);
            if (sent.find()) {
                command = SmtpCommands.normalise(sent.group(1));
                context.add(line.trim());
                continue;
            }
            Matcher verdict = VERDICT.matcher(line);
            if (verdict.matches()) {
                String address = Addresses.clean(verdict.group(2));
                if (!Addresses.isPlausible(address)) {
                    continue;
                }
                DeliveryFacts f = byRecipient.computeIfAbsent(address, DeliveryFacts::new);
                for (String c : context) {
                    f.appendDiagnostic(c.replaceFirst("^<<<\\s*", ""));
                }
                f.appendDiagnostic(verdict.group(1) + " " + verdict.group(3));
                if (!command.isEmpty() && !command.equals("QUIT")) {
                    f.command = command;
                }
                f.action = "failed";
                context.clear();
                continue;
            }
            if (!line.isBlank() && !line.trim().startsWith("-----")) {
                context.add(line.trim());
            }
        }
        return new ArrayList<>(byRecipient.values());
    }
}
