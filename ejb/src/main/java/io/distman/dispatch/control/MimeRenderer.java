package io.distman.dispatch.control;

import io.distman.message.entity.Message;
import io.distman.message.entity.MessageAttachment;
import io.distman.message.entity.MessageContent;
import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.net.IDN;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import org.eclipse.angus.mail.util.CRLFOutputStream;
import org.eclipse.angus.mail.util.MailStreamProvider;

/**
 * Renders a message into MIME once, for all of its recipients: text and HTML as
 * multipart/alternative, attachments around them as multipart/mixed. The per-delivery parts
 * (Message-ID, envelope) are added at sending, so the body is encoded only once per message.
 */
public final class MimeRenderer {

    /** Headers never carry a Message-ID here: each delivery adds its own. */
    private static final String[] WITHOUT_MESSAGE_ID = {"Message-ID"};
    private static final Session RENDERING = Session.getInstance(new Properties());
    private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    static {
        // Jakarta Mail 2.1 looks its StreamProvider up with a ServiceLoader scan on every encode unless
        // this property names it; inside GlassFish that scan was half the CPU of the dispatch benchmark.
        // Angus is GlassFish's (and our) only implementation, so naming it changes nothing else.
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, MailStreamProvider.class.getName());
        }
    }

    private MimeRenderer() {
    }

    /** A recipient shown in the To or Cc header. */
    public record Visible(String address, String name) {
    }

    public static byte[] render(Message message, MessageContent content, List<MessageAttachment> files,
                                List<Visible> to, List<Visible> cc, Instant date) {
        return render(message, content, content.getHtmlBody(), files, to, cc, date);
    }

    /** Renders with {@code html} in place of the archived HTML body (one recipient's tracked copy). */
    public static byte[] render(Message message, MessageContent content, String html, List<MessageAttachment> files,
                                List<Visible> to, List<Visible> cc, Instant date) {
        try {
            MimeMessage mime = new MimeMessage(RENDERING);
            mime.setFrom(address(message.getSenderAddress(), message.getSenderName()));
            if (message.getReplyTo() != null) {
                mime.setReplyTo(new InternetAddress[] {address(message.getReplyTo(), null)});
            }
            if (to.isEmpty()) {
                mime.setHeader("To", "undisclosed-recipients:;");
            } else {
                mime.setRecipients(jakarta.mail.Message.RecipientType.TO, addresses(to));
            }
            if (!cc.isEmpty()) {
                mime.setRecipients(jakarta.mail.Message.RecipientType.CC, addresses(cc));
            }
            mime.setSubject(message.getSubject(), "UTF-8");
            mime.setSentDate(Date.from(date));
            addCustomHeaders(mime, content.getHeaders());
            setBody(mime, content.getTextBody(), html, files);
            mime.saveChanges();
            ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
            // CRLF throughout, as SMTP would make it on the wire anyway: the bytes DKIM signs are then the
            // bytes every transport sends (a 7bit body keeps the caller's bare LFs otherwise).
            mime.writeTo(new CRLFOutputStream(out), WITHOUT_MESSAGE_ID);
            return out.toByteArray();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Cannot render message " + message.getId() + ": " + e.getMessage(), e);
        }
    }

    private static void setBody(MimeMessage mime, String textBody, String htmlBody, List<MessageAttachment> files)
            throws MessagingException {
        String text = blankToNull(textBody);
        String html = blankToNull(htmlBody);
        if (files.isEmpty() && (text == null || html == null)) {
            mime.setText(text != null ? text : html, "UTF-8", text != null ? "plain" : "html");
            return;
        }
        MimeMultipart alternative = null;
        if (text != null && html != null) {
            alternative = new MimeMultipart("alternative");
            alternative.addBodyPart(part(text, "plain")); // plainest first, as RFC 2046 section 5.1.4 asks
            alternative.addBodyPart(part(html, "html"));
            if (files.isEmpty()) {
                mime.setContent(alternative);
                return;
            }
        }
        MimeMultipart mixed = new MimeMultipart("mixed");
        if (alternative != null) {
            MimeBodyPart wrapper = new MimeBodyPart();
            wrapper.setContent(alternative);
            mixed.addBodyPart(wrapper);
        } else {
            mixed.addBodyPart(text != null ? part(text, "plain") : part(html, "html"));
        }
        for (MessageAttachment file : files) {
            MimeBodyPart attachment = new MimeBodyPart();
            attachment.setDataHandler(new DataHandler(new ByteArrayDataSource(file.getAttachment().getContent(),
                    file.getContentType())));
            attachment.setFileName(encodeFileName(file.getFilename()));
            attachment.setDisposition(MimeBodyPart.ATTACHMENT);
            mixed.addBodyPart(attachment);
        }
        mime.setContent(mixed);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static MimeBodyPart part(String body, String subtype) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setText(body, "UTF-8", subtype);
        return part;
    }

    private static void addCustomHeaders(MimeMessage mime, String lines) throws MessagingException {
        if (lines == null) {
            return;
        }
        for (String line : lines.split("\n")) {
            int colon = line.indexOf(':');
            String value = line.substring(colon + 1).strip();
            try {
                mime.addHeader(line.substring(0, colon), MimeUtility.fold(colon + 2, MimeUtility.encodeText(value, "UTF-8", null)));
            } catch (UnsupportedEncodingException e) {
                throw new IllegalStateException("UTF-8 is always supported", e);
            }
        }
    }

    private static String encodeFileName(String name) {
        try {
            return MimeUtility.encodeText(name, "UTF-8", null);
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is always supported", e);
        }
    }

    private static InternetAddress[] addresses(List<Visible> visible) throws UnsupportedEncodingException {
        InternetAddress[] result = new InternetAddress[visible.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = address(visible.get(i).address(), visible.get(i).name());
        }
        return result;
    }

    private static InternetAddress address(String address, String name) throws UnsupportedEncodingException {
        return new InternetAddress(asciiDomain(address), name, "UTF-8");
    }

    /**
     * The address with an internationalised domain in its ASCII (punycode) form, which every relay
     * accepts; a non-ASCII local part is left as is and needs a relay with SMTPUTF8.
     */
    public static String asciiDomain(String address) {
        int at = address.lastIndexOf('@');
        if (at < 0) {
            return address;
        }
        String domain = address.substring(at + 1);
        return domain.chars().allMatch(c -> c < 128) ? address : address.substring(0, at + 1) + IDN.toASCII(domain);
    }
}
