package io.distman.dispatch.control;

import io.distman.dispatch.entity.OutgoingMail;
import io.distman.identity.entity.SigningKey;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.james.jdkim.DKIMSigner;
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
        String fields = SIGNED.stream().filter(headerNames(own, mail.mime())::contains).collect(Collectors.joining(":"));
        String template = "v=1; a=rsa-sha256; c=relaxed/relaxed; d=" + key.domain() + "; s=" + key.selector()
                + "; h=" + fields + "; bh=; b=;";
        try {
            String signature = new DKIMSigner(template, key.privateKey()).sign(
                    new SequenceInputStream(new ByteArrayInputStream(own), new ByteArrayInputStream(mail.mime())));
            return mail.withOwnHeaderFirst(signature.endsWith("\r\n") ? signature : signature + "\r\n");
        } catch (IOException | FailException e) {
            throw new IllegalStateException("Cannot DKIM-sign delivery " + mail.deliveryId() + " for " + key + ": "
                    + e.getMessage(), e);
        }
    }

    /** The lower-case names of the header fields of the message (up to the first empty line). */
    static Set<String> headerNames(byte[] own, byte[] mime) {
        Set<String> names = new HashSet<>();
        collect(new String(own, StandardCharsets.US_ASCII), names);
        int end = headerEnd(mime);
        collect(new String(mime, 0, end, StandardCharsets.ISO_8859_1), names);
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

    private static int headerEnd(byte[] mime) {
        for (int i = 0; i + 3 < mime.length; i++) {
            if (mime[i] == '\r' && mime[i + 1] == '\n' && mime[i + 2] == '\r' && mime[i + 3] == '\n') {
                return i;
            }
        }
        return mime.length;
    }
}
