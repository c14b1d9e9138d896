package io.distman.bounce.control;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** RFC 3463 enhanced status codes and RFC 5321 reply codes as they appear in bounce text. */
public final class StatusCodes {

    /**
     * An RFC 3463 code in running text: not part of a longer number or dotted quad (IP addresses, versions),
     * but it may end a sentence ("... 5.1.1."). The one definition: {@code SmtpStatusExtractor} builds on it.
     */
    public static final String ENHANCED_REGEX = "(?<![\\d.])([245])\\.(\\d{1,3})\\.(\\d{1,3})(?![\\d]|\\.\\d)";

    private static final Pattern ENHANCED = Pattern.compile(ENHANCED_REGEX);
    private static final Pattern REPLY = Pattern.compile("(?<![\\d.\\-#])([245][0-5]\\d)(?:[ \\-]|$)(?![\\d.]*\\.\\d+\\.\\d+\\.)");

    private StatusCodes() {
    }

    /** True for a syntactically valid code such as 5.1.1 or 4.7.26. */
    public static boolean isValid(String code) {
        return code != null && ENHANCED.matcher(code).matches();
    }

    /** Normalises a Status: field value ("5.1.1 (user unknown)") to the bare code, or empty. */
    public static String fromStatusField(String value) {
        return find(value, "", true);
    }

    /**
     * The most useful enhanced status code in free text: the first one that is not a bare
     * class code (x.0.0) if there is one, else the first found.
     */
    public static String find(String text) {
        return find(text, "");
    }

    /**
     * Like {@link #find(String)} but skips {@code exclude} (typically the Status: field, so a
     * more specific code quoted later in the text can win) and success codes, which in a
     * failure report only come from quoted session transcripts.
     */
    public static String find(String text, String exclude) {
        return find(text, exclude, false);
    }

    private static String find(String text, String exclude, boolean allowSuccess) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        Matcher m = ENHANCED.matcher(text);
        String first = "";
        String specific = "";
        while (m.find()) {
            String code = m.group(1) + "." + m.group(2) + "." + m.group(3);
            if (!isPlausible(code) || code.equals(exclude) || (!allowSuccess && code.startsWith("2."))) {
                continue;
            }
            if (first.isEmpty()) {
                first = code;
            }
            // A relaying MTA wraps the remote answer in its own words ("5.1.0 - Unknown address
            // error 550-'5.2.2 ... Mailbox Full'"); the innermost, i.e. last, specific code is
            // the one the destination gave.
            if (!code.endsWith(".0")) {
                specific = code;
            } else if (specific.isEmpty() && !code.endsWith(".0.0")) {
                specific = code;
            }
        }
        return specific.isEmpty() ? first : specific;
    }

    /** Rejects things that look like codes but are version numbers or IP fragments. */
    public static boolean isPlausible(String code) {
        String[] p = code.split("\\.");
        int subject = Integer.parseInt(p[1]);
        int detail = Integer.parseInt(p[2]);
        // Providers extend the detail number freely (Microsoft's 5.7.606, 4.7.650...).
        return subject <= 7 && detail <= 999;
    }

    /** The first SMTP reply code (e.g. 550) in the text, or empty. */
    public static String findReply(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        Matcher m = REPLY.matcher(text);
        while (m.find()) {
            String code = m.group(1);
            int n = Integer.parseInt(code);
            if ((n >= 421 && n <= 459) || (n >= 500 && n <= 559)) {
                return code;
            }
        }
        return "";
    }

    /** 2, 4 or 5 from the first digit of a status or reply code; 0 if unknown. */
    public static int classOf(String code) {
        if (code == null || code.isEmpty()) {
            return 0;
        }
        char c = code.charAt(0);
        return c == '2' || c == '4' || c == '5' ? c - '0' : 0;
    }

    /**
     * Chooses between the Status: field and a code quoted in the diagnostic text. Generic codes
     * lose to specific ones, and when they disagree on class the SMTP reply code arbitrates,
     * because MTAs often put a placeholder in Status: but copy the real server answer verbatim.
     */
    public static String prefer(String statusField, String inMessage, String reply) {
        if (statusField.isEmpty()) {
            return inMessage;
        }
        if (inMessage.isEmpty() || statusField.equals(inMessage)) {
            return statusField;
        }
        char r = reply.isEmpty() ? 0 : reply.charAt(0);
        if (r != 0 && statusField.charAt(0) != inMessage.charAt(0)) {
            if (r == statusField.charAt(0)) {
                return statusField;
            }
            if (r == inMessage.charAt(0)) {
                return inMessage;
            }
        }
        boolean fieldGeneric = statusField.endsWith(".0.0");
        boolean messageGeneric = inMessage.endsWith(".0.0");
        if (fieldGeneric) {
            return messageGeneric ? statusField : inMessage;
        }
        boolean fieldHasZero = statusField.contains(".0");
        boolean messageHasZero = inMessage.contains(".0");
        if (fieldHasZero && !messageHasZero) {
            return inMessage;
        }
        if (messageGeneric) {
            return statusField;
        }
        // Codes the reporting MTA writes about its own handling rather than the remote answer:
        // 4.4.7 (it gave up), 4.7.0 (generic security), 5.3.x (its own system), x.5.[1245]
        // (protocol errors of its session). The code the remote server quoted says more.
        if (statusField.equals("4.4.7") || statusField.equals("4.7.0") || statusField.startsWith("5.3.")
                || statusField.matches("\\d\\.5\\.[1245]")) {
            return inMessage;
        }
        if (statusField.equals("5.1.1")) {
            return messageHasZero || inMessage.startsWith("5.5.") ? statusField : inMessage;
        }
        return statusField;
    }
}
