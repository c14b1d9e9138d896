package io.distman.bounce.control;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which SMTP command the remote server rejected. It matters because the same words mean
 * different things at different stages: "rejected" at RCPT is about the recipient, at MAIL
 * about the sender, after DATA about the content.
 */
public final class SmtpCommands {

    /** Commands sent before the message content, so content filters cannot be the cause. */
    public static final Set<String> BEFORE_DATA = Set.of("CONN", "HELO", "EHLO", "STARTTLS", "AUTH", "MAIL", "RCPT");

    private static final Pattern IN_REPLY_TO = Pattern.compile(
            "(?i)in reply to (rcpt to|mail from|end of data|data|helo|ehlo|starttls|auth|xforward|rcpt|mail)");
    private static final Pattern EXIM_AFTER = Pattern.compile(
            "(?i)after (rcpt to|mail from|end of data|data|initial connection|helo|ehlo|starttls|auth|pipelined|rcpt|mail)\\b");
    /** "SMTP:RCPT host 192.0.2.8: 553 ..." (the "Technical details" of some appliances). */
    private static final Pattern SMTP_PREFIXED = Pattern.compile("\\bSMTP:(RCPT|MAIL|DATA|HELO|EHLO)\\b");
    private static final Pattern TRANSCRIPT = Pattern.compile(
            "(?im)^\\s*>>> ?(rcpt to|mail from|data|helo|ehlo|starttls|auth|quit)");
    private static final Pattern BRACKETED = Pattern.compile("\\[(RCPT_TO|MAIL_FROM|DATA|CONNECT|HELO|EHLO)\\]");
    /** Postfix and qmail name a refused greeting (the 220 banner) in fixed words. */
    private static final Pattern GREETING = Pattern.compile("(?i)(refused to talk to me|but greeting failed)");

    private SmtpCommands() {
    }

    /** The rejected command (RCPT, MAIL, DATA, CONN, HELO, EHLO, STARTTLS, AUTH) or empty. */
    public static String detect(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        for (Pattern p : new Pattern[] {IN_REPLY_TO, EXIM_AFTER, BRACKETED, SMTP_PREFIXED}) {
            Matcher m = p.matcher(text);
            if (m.find()) {
                return normalise(m.group(1));
            }
        }
        if (GREETING.matcher(text).find()) {
            return "CONN";
        }
        Matcher m = TRANSCRIPT.matcher(text);
        String last = "";
        while (m.find()) {
            last = normalise(m.group(1));
        }
        return last;
    }

    /** Command words in the order Sisimai ranks them: a later one wins when several appear. */
    private static final String[][] WORDS = {
            {"HELO", "HELO"}, {"EHLO", "EHLO"}, {"STARTTLS", "STARTTLS"}, {"AUTH PLAIN", "AUTH"},
            {"AUTH LOGIN", "AUTH"}, {"AUTH CRAM-", "AUTH"}, {"AUTH DIGEST-", "AUTH"}, {"MAIL F", "MAIL"},
            {"RCPT", "RCPT"}, {"DATA", "DATA"}};

    /**
     * Last resort when no MTA phrase names the stage: a command word standing on its own in the
     * server's reply ("most progress was RCPT TO response", "SMTP:RCPT host ..."). Words glued to
     * letters, digits, dots or '@' are parts of names (DATABASE@..., MAIL.EXAMPLE.COM) and ignored.
     */
    public static String mentioned(String text) {
        if (text == null || text.length() < 4) {
            return "";
        }
        String upper = " " + text.toUpperCase(Locale.ROOT) + " ";
        String found = "";
        for (String[] w : WORDS) {
            for (int at = upper.indexOf(w[0]); at >= 0; at = upper.indexOf(w[0], at + 1)) {
                boolean standalone = w[0].contains(" ")
                        || (!isNameChar(upper.charAt(at - 1)) && !isNameChar(upper.charAt(at + w[0].length())));
                if (standalone) {
                    found = w[1];
                    break;
                }
            }
        }
        return found;
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '@' || c == '.' || c == '_';
    }

    static String normalise(String raw) {
        String s = raw.toLowerCase(Locale.ROOT).replace('_', ' ');
        if (s.startsWith("rcpt")) {
            return "RCPT";
        }
        if (s.startsWith("mail")) {
            return "MAIL";
        }
        if (s.contains("data")) {
            return "DATA";
        }
        if (s.startsWith("initial") || s.startsWith("connect")) {
            return "CONN";
        }
        if (s.equals("pipelined")) {
            return "RCPT";
        }
        return s.toUpperCase(Locale.ROOT);
    }
}
