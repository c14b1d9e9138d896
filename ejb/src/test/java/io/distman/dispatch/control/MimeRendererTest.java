package io.distman.dispatch.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.dispatch.entity.RenderedMime;
import io.distman.message.entity.Attachment;
import io.distman.message.entity.Category;
import io.distman.message.entity.Message;
import io.distman.message.entity.MessageAttachment;
import io.distman.message.entity.MessageContent;
import io.distman.message.entity.Priority;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The renderer's attachments: encoded once, shared by every copy, and read back as they were given. */
class MimeRendererTest {

    static final byte[] PDF = bytes(1, 300_000);
    static final byte[] ZIP = bytes(2, 123_457);
    private static final Instant DATE = Instant.parse("2026-12-06T08:00:00Z");

    private static byte[] bytes(long seed, int size) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return data;
    }

    private static Message message() {
        Message message = new Message(1L, "bench", Category.BULK, Priority.NORMAL, "Winter newsletter", DATE);
        message.from("news@northside.example", "Northside", null);
        return message;
    }

    private static List<MessageAttachment> files() {
        return List.of(new MessageAttachment(7L, 0, new Attachment(1L, "a", PDF, DATE), "Plan.pdf", "application/pdf"),
                new MessageAttachment(7L, 1, new Attachment(1L, "b", ZIP, DATE), "Fotos März.zip", "application/zip"));
    }

    /**
     * One recipient's copy of a mail with text, {@code html} and the two attachments, as dispatch renders it,
     * shown to 40 recipients (a To header folded over many lines).
     */
    static RenderedMime renderedWithAttachments(String html) {
        List<MimeRenderer.Visible> to = java.util.stream.IntStream.range(0, 40)
                .mapToObj(i -> new MimeRenderer.Visible("reader" + i + "@tenant.example", "Reader " + i)).toList();
        return MimeRenderer.render(message(), new MessageContent(7L, html, "Hello Olivia", null), html,
                MimeRenderer.encodeAttachments(files()), to, List.of(), DATE);
    }

    @Test
    void theAttachmentsReadBackAsGivenAndTheBodiesAreThere() throws Exception {
        MimeMessage parsed = parse(renderedWithAttachments("<p>Hello</p>"));
        Multipart mixed = (Multipart) parsed.getContent();
        assertEquals(3, mixed.getCount());
        Multipart alternative = (Multipart) mixed.getBodyPart(0).getContent();
        assertEquals("Hello Olivia", alternative.getBodyPart(0).getContent());
        assertEquals("<p>Hello</p>", alternative.getBodyPart(1).getContent());
        assertEquals("Plan.pdf", mixed.getBodyPart(1).getFileName());
        assertEquals(Part.ATTACHMENT, mixed.getBodyPart(1).getDisposition());
        assertArrayEquals(PDF, mixed.getBodyPart(1).getInputStream().readAllBytes());
        assertEquals("Fotos März.zip", jakarta.mail.internet.MimeUtility.decodeText(mixed.getBodyPart(2).getFileName()));
        assertArrayEquals(ZIP, mixed.getBodyPart(2).getInputStream().readAllBytes());
    }

    @Test
    void copiesThatDifferShareTheEncodedAttachments() {
        List<byte[]> encoded = MimeRenderer.encodeAttachments(files());
        RenderedMime first = MimeRenderer.render(message(), new MessageContent(7L, "<p>1</p>", "t", null), "<p>1</p>",
                encoded, List.of(), List.of(), DATE);
        RenderedMime second = MimeRenderer.render(message(), new MessageContent(7L, "<p>2</p>", "t", null), "<p>2</p>",
                encoded, List.of(), List.of(), DATE);
        assertEquals(5, first.pieces().size(), "before, attachment, between, attachment, after");
        assertSame(encoded.get(0), first.pieces().get(1));
        assertSame(encoded.get(0), second.pieces().get(1));
        assertSame(encoded.get(1), second.pieces().get(3));
        assertNotEquals(new String(first.pieces().get(0)), new String(second.pieces().get(0)));
        assertTrue(first.length() > PDF.length * 4L / 3 + ZIP.length * 4L / 3, "base64 of both files is in the mail");
    }

    @Test
    void aMailWithoutAttachmentsIsOnePiece() throws Exception {
        RenderedMime mime = MimeRenderer.render(message(), new MessageContent(7L, null, "Hello", null), List.of(),
                List.of(), List.of(), DATE);
        assertEquals(1, mime.pieces().size());
        assertEquals("Hello", parse(mime).getContent());
        assertTrue(mime.headerSection().contains("Subject: Winter newsletter"), mime.headerSection());
    }

    private static MimeMessage parse(RenderedMime mime) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            mime.writeTo(out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(out.toByteArray()));
    }
}
