package io.distman.feedback.control;

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
            "(?i)after (rcpt to|mail from|end of data|data|initial connection|helo|ehlo|starttls|auth|pipelined)");
    private static final Pattern TRANSCRIPT = Pattern.compile(
            "(?im)^\\s*>>> ?(rcpt to|mail from|data|helo|ehlo|starttls|auth|quit)");
    private static final Pattern BRACKETED = Pattern.compile("\\[(RCPT_TO|MAIL_FROM|DATA|CONNECT|HELO|EHLO)\\]");

    private SmtpCommands() {
    }

    /** The rejected command (RCPT, MAIL, DATA, CONN, HELO, EHLO, STARTTLS, AUTH) or empty. */
    public static String detect(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        for (Pattern p : new Pattern[] {IN_REPLY_TO, EXIM_AFTER, BRACKETED}) {
            Matcher m = p.matcher(text);
            if (m.find()) {
                return normalise(m.group(1));
            }
        }
        Matcher m = TRANSCRIPT.matcher(text);
        String last = "";
        while (m.find()) {
            last = normalise(m.group(1));
        }
        return last;
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
