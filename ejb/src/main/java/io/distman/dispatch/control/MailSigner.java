package io.distman.dispatch.control;

import io.distman.dispatch.entity.OutgoingMail;
import io.distman.dispatch.entity.RenderedMime;
import io.distman.identity.entity.SigningKey;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.james.jdkim.DKIMSigner;
import org.apache.james.jdkim.api.BodyHasher;
import org.apache.james.jdkim.exceptions.FailException;

/**
 * DKIM-signs one delivery's copy exactly as it leaves (its own header lines followed by the shared bytes),
 * with Apache James jDKIM, rsa-sha256, relaxed/relaxed: relaxed because relays re-fold headers and
 * re-wrap whitespace without changing the mail. The signed fields are those a receiver shows or acts on,
 * when present: From, Reply-To, To, Cc, Subject, Date, Message-ID, the MIME headers and the one-click
 * unsubscribe pair (RFC 8058 asks for both to be signed).
 */
public final class MailSigner {

    private static final List<String> SIGNED = List.of("from", "reply-to", "to", "cc", "subject", "date", "message-id",
            "mime-version", "content-type", "content-transfer-encoding", "list-unsubscribe", "list-unsubscribe-post");

    private MailSigner() {
    }

    /** @return the mail with its DKIM-Signature line in front of its own header lines */
    public static OutgoingMail sign(OutgoingMail mail, SigningKey key) {
        byte[] own = mail.ownHeaderBytes();
        RenderedMime mime = mail.mime();
        String headers = mime.headerSection();
        String fields = SIGNED.stream().filter(headerNames(own, headers)::contains).collect(Collectors.joining(":"));
        String template = "v=1; a=rsa-sha256; c=relaxed/relaxed; d=" + key.domain() + "; s=" + key.selector()
                + "; h=" + fields + "; bh=; b=;";
        try {
            // jDKIM's sign(InputStream) would parse the whole mail and keep its body (the attachments) in a buffer
            // of its own per recipient; here the body is streamed through the hasher piece by piece from the
            // shared pieces, never copied, and the header fields are split by SignedHeaders.
            DKIMSigner signer = new DKIMSigner(template, key.privateKey());
            BodyHasher hasher = signer.newBodyHasher(signer.newSignatureRecordTemplate(template));
            try (OutputStream body = hasher.getOutputStream()) {
                List<byte[]> pieces = mime.pieces();
                int start = mime.bodyStart();
                for (int i = 0; i < pieces.size(); i++) {
                    byte[] piece = pieces.get(i);
                    int from = i == 0 ? start : 0;
                    body.write(piece, from, piece.length - from);
                }
            }
            String signature = signer.sign(new SignedHeaders(new String(own, StandardCharsets.US_ASCII) + headers), hasher);
            return mail.withOwnHeaderFirst(signature.endsWith("\r\n") ? signature : signature + "\r\n");
        } catch (IOException | FailException e) {
            throw new IllegalStateException("Cannot DKIM-sign delivery " + mail.deliveryId() + " for " + key + ": "
                    + e.getMessage(), e);
        }
    }

    /** The lower-case names of the header fields of the message: its own lines and the rendered header section. */
    static Set<String> headerNames(byte[] own, String headers) {
        Set<String> names = new HashSet<>();
        collect(new String(own, StandardCharsets.US_ASCII), names);
        collect(headers, names);
        return names;
    }

    private static void collect(String headers, Set<String> names) {
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            if (!line.isEmpty() && line.charAt(0) != ' ' && line.charAt(0) != '\t' && colon > 0) {
                names.add(line.substring(0, colon).strip().toLowerCase(Locale.ROOT));
            }
        }
    }
}
