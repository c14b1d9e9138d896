package io.distman.bounce.control;

import java.nio.charset.StandardCharsets;

/**
 * Returned messages shaped to make a classifier slow or overflow its stack: the shapes of issue 10 (repeated
 * header-like lines, thousands of folded lines, deep MIME nesting), at any size. Shared by the unit test, the
 * fuzz test's seeds and ClassifierBench (through the ejb test jar).
 */
public final class HostileMail {

    private static final String BOUNCE_HEAD = "From: MAILER-DAEMON@example.org\nTo: bounce@example.com\n"
            + "Subject: Undelivered Mail Returned to Sender\n\nThis is the mail system. Your message could not be delivered.\n\n";

    private HostileMail() {
    }

    /** A bounce whose body repeats a header-looking line that is no message header ({@code Subject: x}) to {@code bytes}. */
    public static byte[] repeatedHeaderLines(int bytes) {
        return bounce(repeat("Subject: x\n", bytes));
    }

    /** A bounce whose body holds one header line folded {@code lines} times. */
    public static byte[] foldedHeaderLines(int lines) {
        return bounce("Subject: a\n" + repeat(" x\n", 3 * lines) + "Foo: b\n");
    }

    /** {@code fields} pasted "Content-Type: multipart/report;" fields, each folded over a few lines, none a delivery status. */
    public static byte[] foldedReportTypes(int fields) {
        return bounce(repeat("Content-Type: multipart/report;\n a\n b\n", fields * 38));
    }

    /** One pasted "Content-Type: multipart/report;" field folded {@code lines} times before its report-type. */
    public static byte[] longFoldedReportType(int lines) {
        return bounce("Content-Type: multipart/report;\n" + repeat(" a\n", 3 * lines) + " report-type=delivery-status\n");
    }

    /** multipart/report parts nested {@code depth} deep, a delivery status at the bottom. */
    public static byte[] nestedMultipart(int depth) {
        StringBuilder head = new StringBuilder("From: MAILER-DAEMON@example.org\nSubject: failure\nMIME-Version: 1.0\n");
        StringBuilder tail = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            head.append("Content-Type: multipart/report; report-type=delivery-status; boundary=\"b").append(i).append("\"\n\n")
                    .append("--b").append(i).append('\n');
            tail.insert(0, "\n--b" + i + "--\n");
        }
        head.append("Content-Type: message/delivery-status\n\nFinal-Recipient: rfc822; a@example.net\nAction: failed\nStatus: 5.1.1\n");
        return head.append(tail).toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The bounce's own Content-Type header, multipart/report, folded {@code lines} times. */
    public static byte[] foldedTopLevelContentType(int lines) {
        return ("From: MAILER-DAEMON@example.org\nSubject: failure\nMIME-Version: 1.0\nContent-Type: multipart/report;\n"
                + repeat(" x=y;\n", 6 * lines) + " report-type=delivery-status; boundary=\"B\"\n\n--B\n"
                + "Content-Type: message/delivery-status\n\nFinal-Recipient: rfc822; a@example.net\nAction: failed\nStatus: 5.1.1\n\n--B--\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bounce(String body) {
        return (BOUNCE_HEAD + body).getBytes(StandardCharsets.UTF_8);
    }

    private static String repeat(String unit, int bytes) {
        return unit.repeat(Math.max(1, bytes / unit.length()));
    }
}
