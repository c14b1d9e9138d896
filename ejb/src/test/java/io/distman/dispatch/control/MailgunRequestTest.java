package io.distman.dispatch.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.account.entity.MailgunRegion;
import io.distman.dispatch.entity.OutgoingMail;
import io.distman.dispatch.entity.RenderedMime;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.ContentDisposition;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MailgunRequestTest {

    private static final byte[] MIME = ("From: Northside <lettings@northside.example>\r\nSubject: Rent\r\n"
            + "Content-Type: text/plain; charset=UTF-8\r\n\r\nPlease pay.\r\n").getBytes(StandardCharsets.US_ASCII);
    private static final OutgoingMail MAIL = new OutgoingMail(4711, 0, "<d4711.abc@northside.example>",
            "bounce+tok@northside.example", "olivia@tenant.example", RenderedMime.of(MIME),
            new OutgoingMail.Mailgun(URI.create("https://api.eu.mailgun.net"), "mg.northside.example", "key-s3cret"),
            "List-Unsubscribe: <https://x.example/u/1>\r\n", "bulk", "4711.c2lnbmVkLWJ5LXVz");

    @Test
    void postsToTheDomainsMimeEndpointOfTheRegionOrTheOverride() {
        assertEquals(URI.create("https://api.mailgun.net/v3/mg.northside.example/messages.mime"),
                MailgunRequest.endpoint(new OutgoingMail.Mailgun(MailgunRegion.US.baseUrl(), "mg.northside.example", "k")));
        assertEquals(URI.create("https://api.eu.mailgun.net/v3/mg.northside.example/messages.mime"),
                MailgunRequest.endpoint(new OutgoingMail.Mailgun(MailgunRegion.EU.baseUrl(), "mg.northside.example", "k")));
        assertEquals(URI.create("http://127.0.0.1:9000/mg/v3/mg.northside.example/messages.mime"),
                MailgunRequest.endpoint(new OutgoingMail.Mailgun(URI.create("http://127.0.0.1:9000/mg/"), "mg.northside.example", "k")));
    }

    @Test
    void authenticatesAsApiWithTheKey() {
        HttpRequest request = MailgunRequest.of(MAIL).toHttp((OutgoingMail.Mailgun) MAIL.route(), Duration.ofSeconds(5));
        String auth = request.headers().firstValue("Authorization").orElseThrow();
        assertTrue(auth.startsWith("Basic "));
        assertEquals("api:key-s3cret", new String(Base64.getDecoder().decode(auth.substring(6)), StandardCharsets.UTF_8));
        assertEquals("POST", request.method());
        assertEquals(Duration.ofSeconds(5), request.timeout().orElseThrow());
        assertTrue(request.headers().firstValue("Content-Type").orElseThrow().startsWith("multipart/form-data; boundary="));
    }

    @Test
    void theFormCarriesRecipientTagDeliveryIdAndTheWholeMessageUnchanged() throws Exception {
        MailgunRequest request = MailgunRequest.of(MAIL);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] piece : request.body()) {
            body.write(piece);
        }
        // An independent parser (Jakarta Mail's) reads the form as a server would.
        MimeMultipart form = new MimeMultipart(new ByteArrayDataSource(body.toByteArray(), request.contentType()));
        Map<String, BodyPart> fields = new LinkedHashMap<>();
        for (int i = 0; i < form.getCount(); i++) {
            BodyPart part = form.getBodyPart(i);
            fields.put(new ContentDisposition(part.getHeader("Content-Disposition")[0]).getParameter("name"), part);
        }
        assertEquals(java.util.List.of("to", "o:tag", "v:distman-delivery-id", "message"), java.util.List.copyOf(fields.keySet()));
        assertEquals("olivia@tenant.example", text(fields.get("to")));
        assertEquals("bulk", text(fields.get("o:tag")));
        assertEquals("4711.c2lnbmVkLWJ5LXVz", text(fields.get("v:distman-delivery-id")));
        BodyPart message = fields.get("message");
        assertEquals("message.mime", message.getFileName(), "Mailgun wants the message as a file upload");
        byte[] expected = ("Message-ID: <d4711.abc@northside.example>\r\nList-Unsubscribe: <https://x.example/u/1>\r\n"
                + new String(MIME, StandardCharsets.US_ASCII)).getBytes(StandardCharsets.US_ASCII);
        assertArrayEquals(expected, message.getInputStream().readAllBytes(), "the bytes the SMTP path sends");
    }

    @Test
    void theVariableNameIsTheOneTheWebhookParserReads() {
        assertEquals("v:" + io.distman.feedback.entity.ProviderEvent.DELIVERY_ID_KEY, MailgunRequest.DELIVERY_ID_VARIABLE);
        assertEquals("v:distman-delivery-id", MailgunRequest.DELIVERY_ID_VARIABLE);
    }

    private static String text(BodyPart part) throws Exception {
        return new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
