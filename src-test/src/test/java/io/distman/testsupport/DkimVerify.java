package io.distman.testsupport;

import io.distman.identity.entity.DnsRecord;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs {@code src-test/tools/dkim-verify} (dkimpy, Debian's python3-dkim: an implementation independent of
 * ours) on a message as it was received, with the DKIM records the application told the admin to publish
 * standing in for DNS.
 */
public final class DkimVerify {

    private DkimVerify() {
    }

    /** @param exitCode 0 verified, 1 not verified, else the script could not run */
    public record Verdict(int exitCode, String output) {

        public boolean passed() {
            return exitCode == 0;
        }
    }

    /** The bytes GreenMail received (its Received and Return-Path lines in front are not signed). */
    public static byte[] raw(MimeMessage received) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            received.writeTo(out);
            return out.toByteArray();
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException("cannot read the received message", e);
        }
    }

    public static Verdict verify(byte[] message, List<DnsRecord> published) {
        try {
            Path dir = Files.createTempDirectory("dkim-verify");
            Path eml = Files.write(dir.resolve("message.eml"), message);
            Path records = Files.writeString(dir.resolve("records.txt"), published.stream()
                    .map(r -> r.name() + " " + r.value()).collect(Collectors.joining("\n", "", "\n")), StandardCharsets.US_ASCII);
            Process process = new ProcessBuilder(TestEnvironment.get("distman.test.dkimVerify"), eml.toString(), records.toString())
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("dkim-verify did not end");
            }
            // The verdict line, not the exit code alone: a Python that cannot import dkim also exits 1.
            String verdict = process.exitValue() == 0 ? "dkim-verify: pass" : "dkim-verify: FAIL";
            if (process.exitValue() > 1 || !output.contains(verdict)) {
                throw new IllegalStateException("dkim-verify could not run (is python3-dkim installed?): " + output);
            }
            return new Verdict(process.exitValue(), output);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run dkim-verify", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
