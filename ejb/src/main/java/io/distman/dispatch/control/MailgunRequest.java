package io.distman.dispatch.control;

import io.distman.dispatch.entity.OutgoingMail;
import io.distman.tracking.boundary.DeliveryTokens;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * One delivery as a request to Mailgun's "send in MIME format" endpoint,
 * {@code POST {base}/v3/{domain}/messages.mime}, multipart/form-data with the recipient ({@code to}),
 * the complete message as a file ({@code message}), the category as a tag ({@code o:tag}) and our
 * signed delivery token as a user variable ({@code v:distman-delivery-id}), which Mailgun echoes in
 * every webhook event about the message (signed, because a sender could set the same variable).
 * <p>
 * messages.mime rather than messages: the message we send is the one we render for SMTP, byte for
 * byte (our Message-ID, List-Unsubscribe, attachments, encodings), instead of a second rendering by
 * Mailgun from parts; and a recipient's copy costs no re-encoding, since the shared bytes are passed
 * on as they are.
 */
public final class MailgunRequest {

    /** The user variable that carries our delivery id: the name the webhook parser reads back. */
    public static final String DELIVERY_ID_VARIABLE = "v:" + DeliveryTokens.METADATA_KEY;

    private final String boundary;
    private final List<byte[]> body;

    private MailgunRequest(String boundary, List<byte[]> body) {
        this.boundary = boundary;
        this.body = body;
    }

    public static MailgunRequest of(OutgoingMail mail) {
        String boundary = "distman-" + UUID.randomUUID().toString().replace("-", "");
        List<byte[]> body = new ArrayList<>(8);
        StringBuilder fields = new StringBuilder();
        field(fields, boundary, "to", mail.recipient());
        field(fields, boundary, "o:tag", mail.tag());
        field(fields, boundary, DELIVERY_ID_VARIABLE, mail.echoId());
        fields.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"message\"; filename=\"message.mime\"\r\n")
                .append("Content-Type: application/octet-stream\r\n\r\n");
        body.add(fields.toString().getBytes(StandardCharsets.UTF_8));
        body.add(mail.ownHeaderBytes());
        body.addAll(mail.mime().pieces()); // shared by the message's deliveries: passed on, never copied
        body.add(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return new MailgunRequest(boundary, List.copyOf(body));
    }

    private static void field(StringBuilder out, String boundary, String name, String value) {
        out.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n")
                .append(value).append("\r\n");
    }

    public static URI endpoint(OutgoingMail.Mailgun route) {
        String base = route.baseUrl().toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
                + "/v3/" + route.domain() + "/messages.mime");
    }

    /** Mailgun's scheme: HTTP Basic with the user "api" and the API key as the password. */
    static String authorization(OutgoingMail.Mailgun route) {
        return "Basic " + Base64.getEncoder().encodeToString(("api:" + route.apiKey()).getBytes(StandardCharsets.UTF_8));
    }

    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    /** The body's pieces in order; their concatenation is the request body. */
    public List<byte[]> body() {
        return body;
    }

    public HttpRequest toHttp(OutgoingMail.Mailgun route, Duration timeout) {
        return HttpRequest.newBuilder(endpoint(route))
                .timeout(timeout)
                .header("Authorization", authorization(route))
                .header("Content-Type", contentType())
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArrays(body))
                .build();
    }
}
