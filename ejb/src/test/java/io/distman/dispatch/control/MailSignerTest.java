package io.distman.dispatch.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.dispatch.entity.OutgoingMail;
import io.distman.dispatch.entity.RenderedMime;
import io.distman.identity.entity.SigningKey;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Signs a delivery's copy as dispatch does and has dkimpy (Debian's python3-dkim, through
 * src-test/tools/dkim-verify) judge it against the public key: not our code checking our code.
 */
class MailSignerTest {

    private static final byte[] MIME = ("From: Northside <lettings@northside.example>\r\n"
            + "To: olivia@tenant.example\r\nSubject: Rent demand\r\nDate: Sun, 6 Dec 2026 08:00:00 +0000\r\n"
            + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 7bit\r\n\r\n"
            + "Please pay.\r\n").getBytes(StandardCharsets.US_ASCII);

    private static KeyPair pair;

    @BeforeAll
    static void key() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        pair = generator.generateKeyPair();
    }

    @Test
    void dkimpyVerifiesTheSignedCopy() throws Exception {
        OutgoingMail signed = MailSigner.sign(mail(""), new SigningKey("northside.example", "dm202612test", pair.getPrivate()));
        String own = new String(signed.ownHeaderBytes(), StandardCharsets.US_ASCII);
        assertTrue(own.startsWith("Message-ID: <1@northside.example>\r\nDKIM-Signature:"), own);
        assertTrue(own.contains("c=relaxed/relaxed"), own);
        assertTrue(own.contains("h=from:to:subject:date:message-id:mime-version:content-type:content-transfer-encoding;"),
                own);
        assertEquals(0, verify(sent(signed)), "dkimpy must accept the signature");
    }

    @Test
    void aChangedSubjectFailsVerification() throws Exception {
        OutgoingMail signed = MailSigner.sign(mail(""), new SigningKey("northside.example", "dm202612test", pair.getPrivate()));
        byte[] tampered = new String(sent(signed), StandardCharsets.US_ASCII).replace("Rent demand", "Bank details changed")
                .getBytes(StandardCharsets.US_ASCII);
        assertEquals(1, verify(tampered), "a changed Subject must fail");
    }

    @Test
    void theUnsubscribeHeadersAreSignedWhenPresent() throws Exception {
        String unsubscribe = "List-Unsubscribe: <https://x.example/u/t>\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n";
        OutgoingMail signed = MailSigner.sign(mail(unsubscribe),
                new SigningKey("northside.example", "dm202612test", pair.getPrivate()));
        assertTrue(new String(signed.ownHeaderBytes(), StandardCharsets.US_ASCII)
                .contains(":list-unsubscribe:list-unsubscribe-post;"));
        assertEquals(0, verify(sent(signed)));
        byte[] tampered = new String(sent(signed), StandardCharsets.US_ASCII).replace("/u/t>", "/u/other>")
                .getBytes(StandardCharsets.US_ASCII);
        assertEquals(1, verify(tampered), "a changed List-Unsubscribe must fail");
    }

    @Test
    void aMailWithSharedAttachmentPiecesIsSignedOverAllOfThem() throws Exception {
        RenderedMime mime = MimeRendererTest.renderedWithAttachments("<p>Hello <b>Olivia</b></p>");
        assertTrue(mime.pieces().size() > 2, "the attachments are pieces of their own");
        assertTrue(mime.headerSection().contains(",\r\n\t"), "a folded To header: " + mime.headerSection());
        OutgoingMail signed = MailSigner.sign(new OutgoingMail(1, 0, "<1@northside.example>", "bounce+x@northside.example",
                "olivia@tenant.example", mime, OutgoingMail.Relay.DEFAULT, "", "bulk", "echo"),
                new SigningKey("northside.example", "dm202612test", pair.getPrivate()));
        assertEquals(0, verify(sent(signed)), "dkimpy must accept a signature hashed piece by piece");
        byte[] tampered = sent(signed);
        tampered[tampered.length - 200] = (byte) (tampered[tampered.length - 200] == 'A' ? 'B' : 'A'); // in the last attachment
        assertEquals(1, verify(tampered), "a changed attachment must fail");
    }

    private static OutgoingMail mail(String ownHeaders) {
        return new OutgoingMail(1, 0, "<1@northside.example>", "bounce+x@northside.example", "olivia@tenant.example", RenderedMime.of(MIME),
                OutgoingMail.Relay.DEFAULT, ownHeaders, "essential", "echo");
    }

    private static byte[] sent(OutgoingMail mail) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(mail.ownHeaderBytes());
        mail.mime().writeTo(out);
        return out.toByteArray();
    }

    private static int verify(byte[] message) throws Exception {
        Path dir = Files.createTempDirectory("dkim");
        Path eml = Files.write(dir.resolve("message.eml"), message);
        Path records = Files.writeString(dir.resolve("records.txt"), "dm202612test._domainkey.northside.example v=DKIM1; k=rsa; p="
                + Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()) + "\n");
        Process process = new ProcessBuilder(script().toString(), eml.toString(), records.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = process.waitFor();
        // The verdict line, not the exit code alone: a Python that cannot import dkim also exits 1.
        if (!output.contains(code == 0 ? "dkim-verify: pass" : "dkim-verify: FAIL")) {
            throw new IllegalStateException("dkim-verify could not run (is python3-dkim installed?): " + output);
        }
        return code;
    }

    /** src-test/tools/dkim-verify, from the module folder Maven runs the tests in (or the project root). */
    private static Path script() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path script = dir.resolve("src-test/tools/dkim-verify");
            if (Files.isExecutable(script)) {
                return script;
            }
        }
        throw new IllegalStateException("src-test/tools/dkim-verify not found above " + Path.of("").toAbsolutePath());
    }
}
