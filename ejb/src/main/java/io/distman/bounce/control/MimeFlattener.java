package io.distman.bounce.control;

import io.distman.bounce.entity.HeaderBlock;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;

/**
 * Turns a MIME tree into a {@link ParsedMail}. Bounces are produced by every kind of software,
 * many of them broken, so each step falls back to something usable instead of failing.
 */
public final class MimeFlattener {

    private static final int MAX_DEPTH = 8;

    public ParsedMail flatten(MimeMessage message) {
        HeaderBlock headers = headersOf(message);
        Collector collector = new Collector();
        try {
            walk(message, collector, 0);
        } catch (MessagingException | IOException | RuntimeException e) {
            // A body Jakarta Mail cannot take apart is still worth reading as plain text.
            collector.text.setLength(0);
            collector.text.append(rawBody(message));
        }
        if (collector.deliveryStatus.isEmpty() && (collector.text.length() == 0
                || collector.text.toString().toLowerCase(Locale.ROOT).contains("content-type: message/delivery-status"))) {
            // A multipart whose declared boundary matches none of its delimiter lines (mangled
            // by a gateway) yields no parts; split it again by the delimiter actually used.
            reparseWithActualBoundary(message, collector);
        }
        String text = collector.text.length() > 0 ? collector.text.toString() : collector.html.toString();
        return new ParsedMail(headers, text, collector.deliveryStatus, collector.feedback, collector.returned);
    }

    private static final java.util.regex.Pattern DELIMITER =
            java.util.regex.Pattern.compile("(?m)^--([^\\s]{8,70})\\r?$");

    private void reparseWithActualBoundary(MimeMessage message, Collector c) {
        String body = rawBody(message);
        java.util.regex.Matcher m = DELIMITER.matcher(body);
        if (!baseType(message).startsWith("multipart/") || !m.find()) {
            if (c.text.length() == 0) {
                c.text.append(body);
            }
            return;
        }
        c.text.setLength(0);
        c.html.setLength(0);
        try {
            String type = "multipart/mixed; boundary=\"" + m.group(1) + "\"";
            MimeMultipart multipart = new MimeMultipart(new jakarta.mail.util.ByteArrayDataSource(
                    body.getBytes(StandardCharsets.UTF_8), type));
            for (int i = 0; i < multipart.getCount(); i++) {
                walk(multipart.getBodyPart(i), c, 1);
            }
        } catch (MessagingException | IOException | RuntimeException e) {
            c.text.setLength(0);
            c.text.append(body);
        }
    }

    private static final class Collector {
        final StringBuilder text = new StringBuilder();
        final StringBuilder html = new StringBuilder();
        final List<String> deliveryStatus = new ArrayList<>();
        String feedback = "";
        String returned = "";
    }

    private void walk(Part part, Collector c, int depth) throws MessagingException, IOException {
        String type = baseType(part);
        if (type.startsWith("multipart/") && depth < MAX_DEPTH) {
            Multipart multipart = asMultipart(part);
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                walk(child, c, depth + 1);
            }
            return;
        }
        if (type.endsWith("delivery-status")) {
            c.deliveryStatus.add(readText(part));
        } else if (type.equals("message/feedback-report")) {
            c.feedback = readText(part);
        } else if (isReturnedMessage(type)) {
            if (c.returned.isEmpty()) {
                c.returned = readText(part);
            }
        } else if (type.equals("text/html")) {
            appendLine(c.html, HtmlText.strip(readText(part)));
        } else if (type.startsWith("text/") || type.isEmpty()) {
            if (isAttachment(part) && depth > 0 && c.text.length() > 0) {
                return;
            }
            appendLine(c.text, readText(part));
        }
    }

    private static boolean isReturnedMessage(String type) {
        return type.equals("message/rfc822") || type.equals("message/global")
                || type.startsWith("text/rfc822-header") || type.equals("message/global-headers")
                || type.equals("message/partial");
    }

    private static boolean isAttachment(Part part) {
        try {
            return Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition());
        } catch (MessagingException e) {
            return false;
        }
    }

    private static Multipart asMultipart(Part part) throws MessagingException, IOException {
        Object content = part.getContent();
        if (content instanceof Multipart multipart) {
            return multipart;
        }
        return new MimeMultipart(part.getDataHandler().getDataSource());
    }

    private static void appendLine(StringBuilder sb, String s) {
        if (s == null || s.isBlank()) {
            return;
        }
        if (sb.length() > 0) {
            sb.append('\n');
        }
        sb.append(s.replace("\r\n", "\n"));
    }

    static String baseType(Part part) {
        try {
            String raw = part.getContentType();
            if (raw == null) {
                return "";
            }
            try {
                return new ContentType(raw).getBaseType().toLowerCase(Locale.ROOT);
            } catch (Exception e) {
                int semi = raw.indexOf(';');
                return (semi < 0 ? raw : raw.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
            }
        } catch (MessagingException e) {
            return "";
        }
    }

    private static String charsetOf(Part part) {
        try {
            String raw = part.getContentType();
            if (raw == null) {
                return null;
            }
            return new ContentType(raw).getParameter("charset");
        } catch (Exception e) {
            return null;
        }
    }

    static String readText(Part part) throws MessagingException, IOException {
        byte[] bytes;
        try (InputStream in = part.getInputStream()) {
            bytes = in.readAllBytes();
        } catch (IOException | MessagingException e) {
            if (part instanceof jakarta.mail.internet.MimePart mp && mp instanceof jakarta.mail.internet.MimeBodyPart bp) {
                try (InputStream in = bp.getRawInputStream()) {
                    bytes = in.readAllBytes();
                }
            } else {
                throw e;
            }
        }
        return decode(bytes, charsetOf(part));
    }

    /** Decodes bytes in the declared charset, guessing when the declaration is absent or wrong. */
    public static String decode(byte[] bytes, String declared) {
        if (looksLikeIso2022(bytes)) {
            declared = "ISO-2022-JP";
        }
        if (declared != null) {
            try {
                Charset cs = Charset.forName(declared.trim().replace("\"", ""));
                return cs.decode(ByteBuffer.wrap(bytes)).toString();
            } catch (Exception ignored) {
                // Unknown or misspelled charset names are common in bounces.
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    private static boolean looksLikeIso2022(byte[] bytes) {
        for (int i = 0; i + 2 < bytes.length; i++) {
            if (bytes[i] == 0x1b && bytes[i + 1] == '$' && (bytes[i + 2] == 'B' || bytes[i + 2] == '@')) {
                return true;
            }
        }
        return false;
    }

    private static HeaderBlock headersOf(MimeMessage message) {
        HeaderBlock block = new HeaderBlock();
        try {
            Enumeration<String> lines = message.getAllHeaderLines();
            StringBuilder sb = new StringBuilder();
            while (lines.hasMoreElements()) {
                sb.append(lines.nextElement()).append('\n');
            }
            return HeaderBlock.parse(sb.toString());
        } catch (MessagingException e) {
            return block;
        }
    }

    private static String rawBody(MimeMessage message) {
        try (InputStream in = message.getRawInputStream()) {
            return decode(in.readAllBytes(), null).replace("\r\n", "\n");
        } catch (IOException | MessagingException e) {
            return "";
        }
    }
}
