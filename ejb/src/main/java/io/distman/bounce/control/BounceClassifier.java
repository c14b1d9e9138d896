package io.distman.bounce.control;

import io.distman.bounce.entity.BounceKind;
import io.distman.bounce.entity.BounceRecipient;
import io.distman.bounce.entity.BounceReport;
import io.distman.bounce.entity.HeaderBlock;
import io.distman.bounce.entity.Reason;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Entry point: classifies a returned message (bounce, complaint, auto-reply) per recipient.
 * Stateless and thread-safe.
 */
public final class BounceClassifier {

    private static final Session SESSION = Session.getInstance(lenientProperties());

    /** Complaints first (they quote whole messages), then DSNs, then prose formats. */
    private final List<BounceFormat> formats = List.of(
            new FeedbackReportFormat(),
            new AmazonSesFormat(),
            new Rfc3464Format(),
            new MailingListNoticeFormat(),
            new QmailFormat(),
            new SendmailTranscriptFormat(),
            new AutoReplyFormat(),
            new TextBounceFormat());

    /** Longer than any real diagnostic in the corpus; what a reason is looked for in. */
    private static final int MAX_DIAGNOSTIC_CHARS = 16 * 1024;

    private final MimeFlattener flattener = new MimeFlattener();
    private final ReasonResolver reasons = new ReasonResolver();

    private static Properties lenientProperties() {
        Properties p = new Properties();
        // Bounces are written by every kind of software; accept what a strict parser refuses.
        p.setProperty("mail.mime.address.strict", "false");
        p.setProperty("mail.mime.parameters.strict", "false");
        p.setProperty("mail.mime.multipart.ignoremissingendboundary", "true");
        p.setProperty("mail.mime.multipart.ignoremissingboundaryparameter", "true");
        p.setProperty("mail.mime.multipart.allowempty", "true");
        p.setProperty("mail.mime.decodetext.strict", "false");
        p.setProperty("mail.mime.base64.ignoreerrors", "true");
        // Raw 8-bit header text is read as UTF-8 (RFC 6532), as MTAs and Japanese carriers write it,
        // not as Latin-1 mojibake that no subject or phrase check can recognise.
        p.setProperty("mail.mime.allowutf8", "true");
        return p;
    }

    /**
     * Classifies one message, or each message of an mbox file (several bounces concatenated,
     * each after its "From " postmark line); the recipients of all of them are reported.
     */
    public BounceReport classify(InputStream rawMime) throws IOException {
        List<byte[]> messages = MboxSplitter.split(rawMime.readAllBytes());
        BounceReport first = null;
        Map<String, BounceRecipient> all = new LinkedHashMap<>();
        for (byte[] bytes : messages) {
            BounceReport report;
            try {
                report = classify(new MimeMessage(SESSION, new ByteArrayInputStream(bytes)));
            } catch (MessagingException e) {
                throw new IOException("Unreadable message: " + e.getMessage(), e);
            }
            if (messages.size() == 1) {
                return report;
            }
            first = first == null || first.format().equals("none") ? report : first;
            for (BounceRecipient r : report.recipients()) {
                if (!r.recipient().isEmpty() || all.isEmpty()) {
                    all.putIfAbsent(r.recipient(), r);
                }
            }
        }
        all.remove("");
        return all.isEmpty() ? first : new BounceReport(new ArrayList<>(all.values()), first.format());
    }

    public BounceReport classify(MimeMessage message) {
        return classify(message, 0);
    }

    private BounceReport classify(MimeMessage message, int depth) {
        ParsedMail mail = flattener.flatten(message);
        ReturnedMessage returned = ReturnedMessage.of(mail);
        // Looked for once, not once per format: each look reads the whole text.
        String embedded = depth == 0 ? embeddedReport(mail) : "";
        for (BounceFormat format : formats) {
            if (format instanceof TextBounceFormat && !embedded.isEmpty()) {
                // A bounce forwarded as an attachment or pasted inline (by a gateway or a user) is
                // still that bounce; its structured content beats guessing from the wrapper's prose.
                BounceReport inner = classifyEmbedded(embedded);
                if (inner != null && !inner.recipients().get(0).recipient().isEmpty()) {
                    return inner;
                }
            }
            List<DeliveryFacts> facts = format.decode(mail, returned);
            if (!facts.isEmpty()) {
                return new BounceReport(toRecipients(facts, mail, returned), format.name());
            }
        }
        BounceRecipient none = new BounceRecipient("", BounceKind.UNKNOWN, "", "", "", "",
                returned.messageId(), VerpTokens.find(mail, returned));
        return new BounceReport(List.of(none), "none");
    }

    /** A whole DSN inside a message/rfc822 part or pasted into the text, or empty. */
    private static String embeddedReport(ParsedMail mail) {
        if (looksLikeReport(mail.returned())) {
            return mail.returned();
        }
        int start = inlineReportStart(mail.text());
        if (start < 0) {
            return "";
        }
        // The pasted message starts where its header block does (an mbox postmark line above it
        // is not part of it).
        while (start > 0) {
            int lineStart = mail.text().lastIndexOf('\n', start - 2) + 1;
            String line = mail.text().substring(lineStart, start - 1);
            boolean headerLine = line.startsWith(" ") || line.startsWith("\t")
                    || (line.indexOf(':') > 0 && HeaderBlock.isFieldName(line.substring(0, line.indexOf(':'))));
            if (!headerLine || line.isBlank()) {
                break;
            }
            start = lineStart;
        }
        return mail.text().substring(start);
    }

    private static final java.util.regex.Pattern INLINE_REPORT = java.util.regex.Pattern.compile(
            "(?im)^content-type:[ \\t]*multipart/report;");
    private static final java.util.regex.Pattern DELIVERY_STATUS_TYPE = java.util.regex.Pattern.compile(
            "(?i)report-type=\"?delivery-status");

    /**
     * Where a pasted "Content-Type: multipart/report; ... report-type=delivery-status" field starts,
     * or -1. The field is unfolded by hand: a regex repeating over its folded lines recursed once per
     * line and overflowed the stack on a few thousand of them. Each field's lines are read once.
     */
    static int inlineReportStart(String text) {
        java.util.regex.Matcher m = INLINE_REPORT.matcher(text);
        while (m.find()) {
            int end = text.indexOf('\n', m.end());
            while (end >= 0 && end + 1 < text.length() && (text.charAt(end + 1) == ' ' || text.charAt(end + 1) == '\t')) {
                end = text.indexOf('\n', end + 1);
            }
            int fieldEnd = end < 0 ? text.length() : end;
            if (DELIVERY_STATUS_TYPE.matcher(text).region(m.end(), fieldEnd).find()) {
                return m.start();
            }
            m.region(fieldEnd, text.length());
        }
        return -1;
    }

    private static boolean looksLikeReport(String returned) {
        String head = returned.length() > 4000 ? returned.substring(0, 4000) : returned;
        String lower = head.toLowerCase(java.util.Locale.ROOT);
        return lower.contains("report-type=delivery-status") || lower.contains("mailer-daemon@");
    }

    private BounceReport classifyEmbedded(String returned) {
        try {
            MimeMessage inner = new MimeMessage(SESSION,
                    new ByteArrayInputStream(returned.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            return classify(inner, 1);
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    private List<BounceRecipient> toRecipients(List<DeliveryFacts> facts, ParsedMail mail, ReturnedMessage returned) {
        String messageId = originalMessageId(mail, returned);
        String verp = VerpTokens.find(mail, returned);
        Map<String, BounceRecipient> byAddress = new LinkedHashMap<>();
        String reportingHost = RemoteHosts.reporting(mail.headers(), returned.notification());
        Reason notice = ProviderNotices.reasonOf(mail, returned);
        for (DeliveryFacts f : facts) {
            if (f.diagnostic.length() > MAX_DIAGNOSTIC_CHARS) {
                // Prose formats take the whole notification as the diagnostic; a hostile one of a megabyte
                // would be searched by every reason phrase (and is stored cut to 2000 characters anyway).
                f.diagnostic = f.diagnostic.substring(0, MAX_DIAGNOSTIC_CHARS);
            }
            DiagnosticDetails.complete(f);
            f.reportingHost = reportingHost;
            if (notice != null && f.reason.isEmpty() && f.status.isEmpty()) {
                f.reason = notice.label();
            }
            Reason reason = reasons.resolve(f);
            String status = f.status;
            BounceKind kind = BounceKindPolicy.kindOf(reason, status, f.replyCode);
            BounceRecipient r = new BounceRecipient(f.recipient, kind, reason.label(), status, f.action,
                    f.diagnostic, messageId, verp);
            // The same recipient may be reported twice (e.g. original and final address).
            byAddress.putIfAbsent(f.recipient, r);
        }
        return new ArrayList<>(byAddress.values());
    }

    private static String originalMessageId(ParsedMail mail, ReturnedMessage returned) {
        String id = returned.messageId();
        if (!id.isEmpty()) {
            return id;
        }
        // Auto-replies name the message they answer instead of quoting it.
        String inReplyTo = mail.headers().first("in-reply-to");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<[^<>\\s]+>").matcher(inReplyTo);
        return m.find() ? m.group() : "";
    }
}
