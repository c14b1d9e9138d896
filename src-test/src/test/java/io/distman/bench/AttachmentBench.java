package io.distman.bench;

import io.distman.identity.boundary.SenderIdentities;
import io.distman.identity.entity.DnsRecord;
import io.distman.message.entity.Category;
import io.distman.message.entity.Priority;
import io.distman.submission.entity.AttachmentInput;
import io.distman.submission.entity.SubmitRequest;
import io.distman.testsupport.Deployments;
import io.distman.testsupport.DkimVerify;
import io.distman.testsupport.Dispatching;
import io.distman.testsupport.SmtpSink;
import io.distman.testsupport.ejb.Fixtures;
import io.distman.testsupport.ejb.Fixtures.TestAccount;
import io.distman.testsupport.ejb.TestModule;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.SharedFileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 12, part 5: a BULK HTML mail (tracked, so one rendering per recipient) to 200 recipients with two
 * 9 MB attachments, sent through the real dispatch job to Postfix's smtp-sink, which keeps every mail it
 * receives. Prints the heap while it goes out ({@code bulk_attachment_heap_peak_mb}: the heap pools' peaks;
 * {@code bulk_attachment_heap_live_peak_mb}: the most in use after a collection), the server's -Xmx
 * ({@code bulk_attachment_heap_max_mb}; 1g in the bench profile) and what arrived, after checking that every
 * copy arrived with both attachments intact (decoded and compared by SHA-256, a sample of copies in full).
 */
@ExtendWith(ArquillianExtension.class)
public class AttachmentBench {

    private static final int SINK_PORT = 2530;
    private static final int RECIPIENTS = 200;
    private static final int FILE_BYTES = 9_000_000;
    private static final int CHECKED_IN_FULL = 10;

    @Deployment
    public static EnterpriseArchive deployment() {
        return Deployments.ear(AttachmentBench.class, HeapWatch.class, BenchFigures.class);
    }

    @EJB
    TestModule manager;

    @EJB
    Fixtures fixtures;

    @EJB
    SenderIdentities identities;

    @Resource(lookup = "jdbc/distman")
    DataSource dataSource;

    @Test
    void bulkMailWithLargeAttachmentsGoesOutInAFixedHeap() throws Exception {
        TestAccount account = fixtures.newAccount("attachment-bench");
        // Signed, as a sending installation's mail is: the DKIM body hash runs over every copy's 25 MB.
        DnsRecord dkim = identities.rotateDkimKey(account.id(), "northside.example").record();
        byte[] pdf = random(1, FILE_BYTES);
        byte[] zip = random(2, FILE_BYTES);
        String[] recipients = IntStream.range(0, RECIPIENTS).mapToObj(i -> "reader" + i + "@sink.example.org")
                .toArray(String[]::new);
        manager.submit(SubmitRequest.builder().account(account.code()).raisedBy("bench").source("bench", "attachments")
                .category(Category.BULK).priority(Priority.NORMAL).sender("news@northside.example", "Northside")
                .to(recipients).subject("Winter newsletter")
                .html("<p>Our <a href=\"https://northside.example/winter\">winter programme</a> is attached.</p>")
                .attachments(List.of(new AttachmentInput("programme.pdf", "application/pdf", pdf),
                        new AttachmentInput("photos.zip", "application/zip", zip)))
                .build());
        fixtures.useRelay(account.id(), "127.0.0.1", SINK_PORT);
        String partitions = System.getProperty("distman.bench.partitions", "4");
        System.setProperty("distman.dispatch.partitions", partitions);

        Path dumps = Files.createTempDirectory("attachment-bench-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxrwxrwx")));
        Files.setPosixFilePermissions(dumps, PosixFilePermissions.fromString("rwxrwxrwx")); // smtp-sink runs as nobody
        try {
            double seconds;
            try (SmtpSink sink = SmtpSink.start(SINK_PORT, "-d", dumps + "/m.");
                 HeapWatch heap = new HeapWatch()) {
                long start = System.nanoTime();
                Dispatching.sweep(Duration.ofMinutes(15));
                seconds = (System.nanoTime() - start) / 1e9;
                BenchFigures.report("bulk_attachment_heap_peak_mb", heap.peakMb(), "MB");
                BenchFigures.report("bulk_attachment_heap_live_peak_mb", heap.liveAfterGcMb(), "MB");
            }
            BenchFigures.report("bulk_attachment_heap_max_mb", HeapWatch.maxMb(), "MB");
            BenchFigures.report("bulk_attachment_send_s", seconds, "s");
            long accepted = count("SELECT COUNT(*) FROM delivery WHERE account_id = " + account.id()
                    + " AND status = 'ACCEPTED'");
            BenchFigures.report("bulk_attachment_accepted", accepted, "mails");
            int arrived = checkArrived(dumps, sha256(pdf), sha256(zip), dkim);
            BenchFigures.report("bulk_attachment_arrived", arrived, "mails");
            if (accepted != RECIPIENTS || arrived != RECIPIENTS) {
                throw new AssertionError(accepted + " accepted and " + arrived + " arrived of " + RECIPIENTS);
            }
        } finally {
            try (Stream<Path> files = Files.list(dumps)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(dumps);
        }
    }

    /**
     * The mails smtp-sink kept: one per recipient (distinct Message-IDs), each with the two attachments where
     * they belong, and in the first {@value #CHECKED_IN_FULL} both files decoded and compared byte for byte
     * (by SHA-256; the mail is read from its file as a stream, not into the heap).
     */
    private static int checkArrived(Path dumps, byte[] pdf, byte[] zip, DnsRecord dkim) throws Exception {
        Session session = Session.getInstance(new Properties());
        Set<String> messageIds = new HashSet<>();
        List<Path> files;
        try (Stream<Path> listing = Files.list(dumps)) {
            files = listing.sorted().toList();
        }
        for (int i = 0; i < files.size(); i++) {
            try (SharedFileInputStream in = new SharedFileInputStream(files.get(i).toFile())) {
                MimeMessage mail = new MimeMessage(session, in);
                messageIds.add(mail.getMessageID());
                if (mail.getHeader("DKIM-Signature") == null) {
                    throw new AssertionError(files.get(i) + " is not DKIM-signed");
                }
                if (i == 0) {
                    DkimVerify.Verdict verdict = DkimVerify.verify(asSent(files.get(i)), List.of(dkim));
                    if (!verdict.passed()) {
                        throw new AssertionError(files.get(i) + ": dkimpy does not verify its signature: " + verdict);
                    }
                }
                Multipart mixed = (Multipart) mail.getContent();
                if (mixed.getCount() != 3 || !"programme.pdf".equals(mixed.getBodyPart(1).getFileName())
                        || !"photos.zip".equals(mixed.getBodyPart(2).getFileName())) {
                    throw new AssertionError(files.get(i) + " lacks its attachments");
                }
                if (i < CHECKED_IN_FULL && (!Arrays.equals(pdf, sha256(mixed.getBodyPart(1).getInputStream()))
                        || !Arrays.equals(zip, sha256(mixed.getBodyPart(2).getInputStream())))) {
                    throw new AssertionError(files.get(i) + ": an attachment arrived changed");
                }
            }
        }
        return messageIds.size();
    }

    /**
     * The mail as it was sent: smtp-sink's dump without the lines it put in front (its X- headers and its
     * Received), with the CRLF line ends it turned into LF (the mail had no bare LF: it is rendered CRLF).
     */
    private static byte[] asSent(Path dump) throws IOException {
        String text = Files.readString(dump, StandardCharsets.ISO_8859_1);
        int start = text.indexOf("\n", text.indexOf("\nReceived: ") + 1);
        while (text.charAt(start + 1) == '\t' || text.charAt(start + 1) == ' ') {
            start = text.indexOf("\n", start + 1); // the Received header's continuation lines
        }
        String mail = text.substring(start + 1);
        mail = mail.endsWith("\n\n") ? mail.substring(0, mail.length() - 1) : mail; // the empty line smtp-sink adds
        return mail.replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] random(long seed, int size) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return data;
    }

    private static byte[] sha256(byte[] data) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(data);
    }

    private static byte[] sha256(InputStream in) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[65536];
        try (in) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return digest.digest();
    }

    private long count(String sql) throws Exception {
        try (var c = dataSource.getConnection(); var s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @AfterAll
    static void printFigures() throws IOException {
        BenchFigures.print();
    }
}
