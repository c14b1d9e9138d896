package io.distman.dispatch.control;

import io.distman.dispatch.entity.RenderedMime;
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
import java.io.OutputStream;
import java.io.UnsupportedEncodingException;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.eclipse.angus.mail.util.CRLFOutputStream;
import org.eclipse.angus.mail.util.MailStreamProvider;

/**
 * Renders a message into MIME once, for all of its recipients: text and HTML as
 * multipart/alternative, attachments around them as multipart/mixed. The per-delivery parts
 * (Message-ID, envelope) are added at sending, so the body is encoded only once per message.
 * Attachments are encoded on their own ({@link #encodeAttachments}) and spliced into each rendering as
 * shared pieces, so even a copy rendered for one recipient (tracked HTML) carries no copy of its own of them.
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

    /**
     * A message's attachments, each encoded as its complete MIME body part (headers and base64 body, CRLF
     * line ends), once for all of the message's copies in a block; {@link #render} puts these arrays
     * into every copy as they are.
     */
    public static List<byte[]> encodeAttachments(List<MessageAttachment> files) {
        List<byte[]> parts = new ArrayList<>(files.size());
        try {
            for (MessageAttachment file : files) {
                EncodedPart attachment = new EncodedPart();
                attachment.setDataHandler(new DataHandler(new ByteArrayDataSource(file.getAttachment().getContent(),
                        file.getContentType())));
                attachment.setFileName(encodeFileName(file.getFilename()));
                attachment.setDisposition(MimeBodyPart.ATTACHMENT);
                parts.add(attachment.bytes(file.getAttachment().getSizeBytes()));
            }
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Cannot encode the attachments of message "
                    + (files.isEmpty() ? "?" : files.get(0).getMessageId()) + ": " + e.getMessage(), e);
        }
        return parts;
    }

    public static RenderedMime render(Message message, MessageContent content, List<byte[]> attachments,
                                      List<Visible> to, List<Visible> cc, Instant date) {
        return render(message, content, content.getHtmlBody(), attachments, to, cc, date);
    }

    /**
     * Renders with {@code html} in place of the archived HTML body (one recipient's tracked copy), with the
     * attachments as encoded by {@link #encodeAttachments}: each is a piece of the result of its own, shared.
     */
    public static RenderedMime render(Message message, MessageContent content, String html, List<byte[]> attachments,
                                      List<Visible> to, List<Visible> cc, Instant date) {
        try {
            MimeMessage mime = new WithoutMessageId();
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
            List<byte[]> markers = markers(attachments.size());
            setBody(mime, content.getTextBody(), html, markers);
            mime.saveChanges();
            ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
            // CRLF throughout, as SMTP would make it on the wire anyway: the bytes DKIM signs are then the
            // bytes every transport sends (a 7bit body keeps the caller's bare LFs otherwise).
            mime.writeTo(new CRLFOutputStream(out), WITHOUT_MESSAGE_ID);
            return splice(out.toByteArray(), markers, attachments);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Cannot render message " + message.getId() + ": " + e.getMessage(), e);
        }
    }

    /**
     * A message whose saveChanges() makes no Message-ID: each delivery writes its own, and Jakarta Mail's
     * would ask for the local host name and build a unique value for every mail, only to be left out.
     */
    private static final class WithoutMessageId extends MimeMessage {

        WithoutMessageId() {
            super(RENDERING);
        }

        @Override
        protected void updateMessageID() {
            // The delivery's own Message-ID is written in front of the rendered bytes.
        }
    }

    /** One marker per attachment, unique to this rendering, so no text of the mail can be taken for one. */
    private static List<byte[]> markers(int count) {
        if (count == 0) {
            return List.of(); // most mail: no random value drawn
        }
        String nonce = UUID.randomUUID().toString();
        List<byte[]> markers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            markers.add(("\0distman-attachment-" + i + "-" + nonce + "\0").getBytes(StandardCharsets.US_ASCII));
        }
        return markers;
    }

    /** The rendered bytes cut at each marker, with the encoded attachment in its place. */
    private static RenderedMime splice(byte[] rendered, List<byte[]> markers, List<byte[]> attachments) {
        List<byte[]> pieces = new ArrayList<>(2 * markers.size() + 1);
        int from = 0;
        for (int i = 0; i < markers.size(); i++) {
            int at = indexOf(rendered, markers.get(i), from);
            if (at < 0) {
                throw new IllegalStateException("attachment " + i + " was not rendered");
            }
            pieces.add(Arrays.copyOfRange(rendered, from, at));
            pieces.add(attachments.get(i));
            from = at + markers.get(i).length;
        }
        pieces.add(from == 0 ? rendered : Arrays.copyOfRange(rendered, from, rendered.length));
        return new RenderedMime(pieces);
    }

    private static int indexOf(byte[] bytes, byte[] marker, int from) {
        outer:
        for (int i = from; i + marker.length <= bytes.length; i++) {
            for (int j = 0; j < marker.length; j++) {
                if (bytes[i + j] != marker[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static void setBody(MimeMessage mime, String textBody, String htmlBody, List<byte[]> attachments)
            throws MessagingException {
        String text = blankToNull(textBody);
        String html = blankToNull(htmlBody);
        if (attachments.isEmpty() && (text == null || html == null)) {
            mime.setText(text != null ? text : html, "UTF-8", text != null ? "plain" : "html");
            return;
        }
        MimeMultipart alternative = null;
        if (text != null && html != null) {
            alternative = new MimeMultipart("alternative");
            alternative.addBodyPart(part(text, "plain")); // plainest first, as RFC 2046 section 5.1.4 asks
            alternative.addBodyPart(part(html, "html"));
            if (attachments.isEmpty()) {
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
        for (byte[] marker : attachments) {
            mixed.addBodyPart(new Slot(marker));
        }
        mime.setContent(mixed);
    }

    /** An attachment's place in a multipart: writes its marker, which {@link #splice} replaces by the encoded part. */
    private static final class Slot extends MimeBodyPart {

        private final byte[] marker;

        Slot(byte[] marker) {
            this.marker = marker;
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            out.write(marker);
        }

        @Override
        protected void updateHeaders() {
            // The encoded part brings its own headers.
        }
    }

    /** A body part written out alone, as its multipart would write it. */
    private static final class EncodedPart extends MimeBodyPart {

        byte[] bytes(long contentSize) throws MessagingException, IOException {
            updateHeaders(); // what the enclosing message's saveChanges() would do: type, encoding, file name
            // base64 is 4/3 of the content plus CRLF every 76 characters: sized once, not grown by doubling.
            ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(Integer.MAX_VALUE - 8,
                    contentSize / 57 * 78 + 1024));
            writeTo(new CRLFOutputStream(out));
            return out.toByteArray();
        }
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
