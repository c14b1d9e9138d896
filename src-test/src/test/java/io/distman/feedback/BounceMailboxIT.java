package io.distman.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.distman.feedback.boundary.MailboxJobs;
import io.distman.message.entity.Category;
import io.distman.message.entity.Delivery;
import io.distman.message.entity.DeliveryStatus;
import io.distman.platform.boundary.Hashes;
import io.distman.submission.entity.SubmitRequest;
import io.distman.testsupport.Deployments;
import io.distman.testsupport.Dispatching;
import io.distman.testsupport.Mails;
import io.distman.testsupport.TestEnvironment;
import io.distman.testsupport.TestMailServer;
import io.distman.testsupport.ejb.Fixtures.TestAccount;
import io.distman.testsupport.ejb.Fixtures;
import io.distman.testsupport.ejb.TestModule;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.ejb.EJB;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.naming.InitialContext;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The {@code bounce-mailbox} job against a real IMAP and POP3 server (a GreenMail inside GlassFish, apart
 * from the SMTP one): real corpus bounces delivered into the mailbox reach our deliveries, taken mail
 * leaves the mailbox, a second run and the same message again change nothing, a message that cannot be
 * recorded is kept once and let go, and mail to the List-Unsubscribe mailto address unsubscribes.
 *
 * <p>How corpus messages are made ours: byte for byte as in the corpus, with the two header lines a
 * delivery agent puts on top when it stores mail for the bounce domain, {@code Return-Path: <>} and
 * {@code Delivered-To: bounce+<token>@<domain>} with the VERP address of one of our deliveries (Postfix
 * writes the full address, extension included, into Delivered-To). Their own recipients and Message-IDs
 * stay the corpus's, so only the return path ties them to our deliveries, as it does for real bounces.
 */
@ExtendWith(ArquillianExtension.class)
public class BounceMailboxIT {

    private static final String CORPUS_HARD = "lhost-gmail-01.eml";      // 5.1.1 user unknown
    private static final String CORPUS_DELAYED = "lhost-outlook-06.eml"; // Action: delayed, 4.4.7
    private static final String CORPUS_ARF = "arf-14.eml";               // Feedback-Type: abuse
    private static final String CORPUS_AUTOREPLY = "rfc3834-01.eml";     // out of office
    private static final String CORPUS_NOT_BOUNCE = "is-not-bounce-01.eml";
    private static final String CORPUS_HARD_POP3 = "lhost-postfix-06.eml"; // 5.4.4 host unknown

    private static final int IMAP_PORT = 3143;
    private static final int POP3_PORT = 3110;
    private static final String USER = "bounces";
    private static final String PASSWORD = "mailbox-secret";

    @Deployment
    public static EnterpriseArchive deployment() {
        return Deployments.ear(BounceMailboxIT.class);
    }

    @EJB
    TestModule manager;

    @EJB
    Fixtures fixtures;

    @EJB
    MailboxJobs jobs;

    private GreenMail mailbox;
    private GreenMailUser bounces;
    private TestAccount account;

    @BeforeEach
    void setUp() {
        TestMailServer.reset();
        ServerSetup imap = new ServerSetup(IMAP_PORT, TestMailServer.HOST, ServerSetup.PROTOCOL_IMAP);
        ServerSetup pop3 = new ServerSetup(POP3_PORT, TestMailServer.HOST, ServerSetup.PROTOCOL_POP3);
        mailbox = new GreenMail(new ServerSetup[] {imap, pop3});
        mailbox.start();
        bounces = mailbox.setUser("bounces@northside.example", USER, PASSWORD);
        useMailbox("imap", IMAP_PORT);
        System.setProperty("distman.bounce.mailbox.password", PASSWORD);
        account = fixtures.newAccount("mailbox");
    }

    @AfterEach
    void tearDown() {
        System.clearProperty("distman.bounce.mailbox.url");
        System.clearProperty("distman.bounce.mailbox.password");
        awaitNoRun(); // a timer's poll may still be reading the mailbox
        mailbox.stop();
    }

    private static void useMailbox(String protocol, int port) {
        System.setProperty("distman.bounce.mailbox.url", protocol + "://" + USER + "@" + TestMailServer.HOST + ":" + port + "/INBOX");
    }

    // ---- the application side ----

    private List<Delivery> sent(Category category, String... addresses) {
        List<Long> ids = manager.submit(SubmitRequest.builder().account(account.code()).raisedBy("anna").category(category)
                .sender("lettings@northside.example", "Northside").to(addresses).subject(category + " letter").text("Dear tenant.")
                .build()).deliveries().stream().map(d -> d.deliveryId()).toList();
        Dispatching.sweep();
        List<Delivery> deliveries = ids.stream().map(fixtures::delivery).toList();
        deliveries.forEach(d -> assertEquals(DeliveryStatus.ACCEPTED, d.getStatus(), d.getAddress()));
        return deliveries;
    }

    private static String verp(Delivery d) {
        return "bounce+" + d.getReturnToken() + "@northside.example";
    }

    /** Runs the job as the schedule does (one run at a time) and waits for it to complete. */
    private void poll() {
        long[] id = {-1};
        Dispatching.await(() -> (id[0] = jobs.poll()) != -1, Duration.ofSeconds(60), "a bounce-mailbox run to start");
        JobOperator operator = BatchRuntime.getJobOperator();
        Dispatching.await(() -> ended(operator.getJobExecution(id[0]).getBatchStatus()), Duration.ofSeconds(60),
                "bounce-mailbox execution " + id[0] + " to end");
        assertEquals(BatchStatus.COMPLETED, operator.getJobExecution(id[0]).getBatchStatus(),
                String.valueOf(operator.getJobExecution(id[0]).getExitStatus()));
    }

    private static boolean ended(BatchStatus status) {
        return status != BatchStatus.STARTING && status != BatchStatus.STARTED && status != BatchStatus.STOPPING;
    }

    private static void awaitNoRun() {
        Dispatching.await(() -> runningExecutions().isEmpty(), Duration.ofSeconds(60), "no bounce-mailbox run");
    }

    private static List<Long> runningExecutions() {
        try {
            return BatchRuntime.getJobOperator().getRunningExecutions(MailboxJobs.JOB);
        } catch (jakarta.batch.operations.NoSuchJobException e) {
            return List.of();
        }
    }

    // ---- the mailbox side ----

    private static byte[] corpus(String file) throws Exception {
        return Files.readAllBytes(Path.of(TestEnvironment.get("distman.test.corpus"), "bounces", file));
    }

    /** The corpus message as stored for the bounce domain's mailbox: the delivery agent's two lines on top. */
    private static byte[] deliveredTo(String envelopeRecipient, byte[] message) {
        byte[] top = ("Return-Path: <>\r\nDelivered-To: " + envelopeRecipient + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[top.length + message.length];
        System.arraycopy(top, 0, all, 0, top.length);
        System.arraycopy(message, 0, all, top.length, message.length);
        return all;
    }

    /** @return each message as the mailbox stores it (and will serve it), to find its inbound_mail row by */
    private List<byte[]> deliver(byte[]... messages) throws Exception {
        List<byte[]> stored = new ArrayList<>();
        for (byte[] raw : messages) {
            bounces.deliver(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw)));
            MimeMessage[] all = mailbox.getReceivedMessages();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            all[all.length - 1].writeTo(out);
            stored.add(out.toByteArray());
        }
        return stored;
    }

    private int inMailbox() {
        return mailbox.getReceivedMessages().length;
    }

    private long events(Delivery d) {
        return fixtures.events(d.getId()).size();
    }

    /** The inbound_mail row of a message as the mailbox stored it: kind, matched, ingest_error; null if none. */
    private static String[] inbound(byte[] raw) throws Exception {
        DataSource ds = InitialContext.doLookup("jdbc/distman");
        try (Connection c = ds.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT kind, matched, ingest_error FROM inbound_mail WHERE sha256 = ?")) {
            s.setString(1, Hashes.sha256Hex(raw));
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? new String[] {r.getString(1), String.valueOf(r.getInt(2)), r.getString(3)} : null;
            }
        }
    }

    // ---- the tests ----

    @Test
    void realBouncesInTheImapMailboxReachTheirDeliveriesAndLeaveTheMailboxOnce() throws Exception {
        List<Delivery> d = sent(Category.ESSENTIAL, Fixtures.address("hard"), Fixtures.address("delayed"),
                Fixtures.address("complains"), Fixtures.address("away"));
        byte[] garbage = "this is no mail at all\r\n\r\n\u0001\u0002 junk \u00ff\u00fe\r\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[][] messages = {
                deliveredTo(verp(d.get(0)), corpus(CORPUS_HARD)),
                deliveredTo(verp(d.get(1)), corpus(CORPUS_DELAYED)),
                deliveredTo(verp(d.get(2)), corpus(CORPUS_ARF)),
                deliveredTo(verp(d.get(3)), corpus(CORPUS_AUTOREPLY)),
                deliveredTo("bounces@northside.example", corpus(CORPUS_NOT_BOUNCE)),
                garbage};
        long storedBefore = fixtures.count("inbound_mail");
        List<byte[]> stored = deliver(messages);
        assertEquals(messages.length, inMailbox());

        poll();

        Delivery hard = fixtures.delivery(d.get(0).getId());
        assertEquals(DeliveryStatus.FAILED, hard.getStatus());
        assertEquals("5.1.1", hard.getEnhancedCode());
        assertEquals(DeliveryStatus.TEMPORARY_FAILURE, fixtures.delivery(d.get(1).getId()).getStatus());
        assertEquals(DeliveryStatus.COMPLAINED, fixtures.delivery(d.get(2).getId()).getStatus());
        assertEquals(DeliveryStatus.ACCEPTED, fixtures.delivery(d.get(3).getId()).getStatus(), "an auto-reply changes nothing");
        assertEquals(0, inMailbox(), "taken mail is expunged");
        assertEquals(storedBefore + messages.length, fixtures.count("inbound_mail"), "every message is kept, junk too");
        String[] junk = inbound(stored.get(messages.length - 1));
        assertNotNull(junk, "the garbage is kept as received");
        assertEquals("unknown", junk[0]);

        // A second run finds nothing; the same messages fetched again (a crash between commit and expunge) are
        // recognised by their content: nothing is stored or recorded twice, and they still leave the mailbox.
        long[] eventsBefore = d.stream().mapToLong(this::events).toArray();
        poll();
        deliver(messages);
        poll();
        assertEquals(0, inMailbox());
        assertEquals(storedBefore + messages.length, fixtures.count("inbound_mail"));
        for (int i = 0; i < d.size(); i++) {
            assertEquals(eventsBefore[i], events(d.get(i)), "no new event for " + d.get(i).getAddress());
        }
    }

    @Test
    void aMessageThatCannotBeRecordedIsKeptOnceAndNotRetried() throws Exception {
        Delivery d = sent(Category.ESSENTIAL, Fixtures.address("forwarded")).get(0);
        // A legal 134-character final recipient (a forwarding target) makes the event's dedupe key
        // ("inbound:<sha256>:<recipient>") longer than its 200-character column, so BounceIngest's transaction
        // fails on every attempt: a poison message as the mailbox may get one. (If BounceIngest learns to
        // shorten such keys, this test needs another message that its transaction cannot record.)
        String recipient = "forwarded.tenant.of.flat.4711.riverside.court.north.side"
                + "@mail.residents-association.riverside-court.example.org.long.subdomain.example";
        byte[] poison = ("Return-Path: <>\r\nDelivered-To: " + verp(d) + "\r\n"
                + "From: MAILER-DAEMON@mx.tenant.example.org\r\nTo: " + verp(d) + "\r\n"
                + "Subject: Undelivered Mail Returned to Sender\r\nMessage-ID: <poison." + d.getId() + "@mx.tenant.example.org>\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"b1\"\r\n\r\n"
                + "--b1\r\nContent-Type: text/plain\r\n\r\n<" + recipient + ">: host said: 550 5.1.1 User unknown\r\n\r\n"
                + "--b1\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.tenant.example.org\r\n\r\n"
                + "Final-Recipient: rfc822; " + recipient + "\r\nAction: failed\r\nStatus: 5.1.1\r\n"
                + "Diagnostic-Code: smtp; 550 5.1.1 User unknown\r\n\r\n--b1--\r\n").getBytes(StandardCharsets.US_ASCII);
        Delivery other = sent(Category.ESSENTIAL, Fixtures.address("after")).get(0);
        byte[] behind = deliveredTo(verp(other), corpus(CORPUS_HARD));
        long storedBefore = fixtures.count("inbound_mail");
        byte[] storedPoison = deliver(poison, behind).get(0);

        poll();

        assertEquals(0, inMailbox(), "the poison message does not stay to block the mailbox");
        String[] kept = inbound(storedPoison);
        assertNotNull(kept, "kept, not lost");
        assertEquals("unreadable", kept[0]);
        assertTrue(kept[2] != null && !kept[2].isBlank(), "with the error it failed with");
        assertEquals(DeliveryStatus.ACCEPTED, fixtures.delivery(d.getId()).getStatus(), "nothing half-written");
        assertEquals(DeliveryStatus.FAILED, fixtures.delivery(other.getId()).getStatus(), "the message behind it was taken");
        assertEquals(storedBefore + 2, fixtures.count("inbound_mail"));

        deliver(poison);
        poll();
        assertEquals(0, inMailbox(), "fetched again, it is recognised and let go without another attempt");
        assertEquals(storedBefore + 2, fixtures.count("inbound_mail"));
        assertNull(fixtures.delivery(d.getId()).getEnhancedCode());
    }

    @Test
    void aMessageOverTheInboundSizeCapIsKeptUnreadWithItsReasonAndTheMessageBehindItIsTaken() throws Exception {
        Delivery d = sent(Category.ESSENTIAL, Fixtures.address("huge")).get(0);
        Delivery other = sent(Category.ESSENTIAL, Fixtures.address("small")).get(0);
        byte[] huge = ("Return-Path: <>\r\nDelivered-To: " + verp(d) + "\r\nFrom: MAILER-DAEMON@mx.tenant.example.org\r\n"
                + "Subject: Undelivered Mail Returned to Sender\r\nMessage-ID: <huge." + d.getId() + "@mx.tenant.example.org>\r\n\r\n"
                + "<" + d.getAddress() + ">: 550 5.1.1 User unknown\r\n" + "x".repeat(8000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] behind = deliveredTo(verp(other), corpus(CORPUS_HARD)); // 3.4 KB, under the cap
        long storedBefore = fixtures.count("inbound_mail");
        System.setProperty("distman.inbound.maxMessageBytes", "6000");
        try {
            deliver(huge, behind);
            poll();
        } finally {
            System.clearProperty("distman.inbound.maxMessageBytes");
        }
        assertEquals(0, inMailbox(), "the refused message leaves the mailbox instead of blocking it");
        assertEquals(storedBefore + 2, fixtures.count("inbound_mail"));
        DataSource ds = InitialContext.doLookup("jdbc/distman");
        try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT kind, ingest_error, raw FROM inbound_mail WHERE ingest_error LIKE '%size cap%' ORDER BY id DESC")) {
            try (ResultSet r = s.executeQuery()) {
                assertTrue(r.next(), "kept with its reason");
                assertEquals("unreadable", r.getString(1));
                assertTrue(r.getString(2).contains("over the inbound mail size cap of 6000 bytes"), r.getString(2));
                String kept = new String(r.getBytes(3), StandardCharsets.US_ASCII);
                assertTrue(kept.contains("<huge." + d.getId() + "@") && !kept.contains("xxxx"), "its header only: " + kept);
            }
        }
        assertEquals(DeliveryStatus.ACCEPTED, fixtures.delivery(d.getId()).getStatus(), "not classified");
        assertEquals(DeliveryStatus.FAILED, fixtures.delivery(other.getId()).getStatus(), "the message behind it was taken");
    }

    @Test
    void pop3TakesAndDeletesToo() throws Exception {
        useMailbox("pop3", POP3_PORT);
        Delivery d = sent(Category.ESSENTIAL, Fixtures.address("gone")).get(0);
        deliver(deliveredTo(verp(d), corpus(CORPUS_HARD_POP3)));

        poll();

        Delivery after = fixtures.delivery(d.getId());
        assertEquals(DeliveryStatus.FAILED, after.getStatus());
        assertEquals("5.4.4", after.getEnhancedCode());
        assertEquals(0, inMailbox(), "deleted at QUIT");
    }

    @Test
    void mailToTheUnsubscribeAddressUnsubscribesAndAForgedTokenChangesNothing() throws Exception {
        String reader = Fixtures.address("reader");
        String other = Fixtures.address("neighbour");
        List<Delivery> d = sent(Category.BULK, reader, other);
        String mailto = unsubscribeMailto(reader);
        String otherMailto = unsubscribeMailto(other);
        Matcher token = Pattern.compile("unsubscribe\\+([^@]+)@").matcher(otherMailto);
        assertTrue(token.find(), otherMailto);
        String forgedToken = (token.group(1).charAt(0) == 'A' ? "B" : "A") + token.group(1).substring(1);
        String forged = otherMailto.replace(token.group(1), forgedToken);

        byte[] request = unsubscribeMail(reader, mailto);
        byte[] forgery = unsubscribeMail(other, forged);
        List<byte[]> stored = deliver(request, forgery);

        poll();

        Delivery unsubscribed = d.stream().filter(x -> x.getAddress().equals(reader)).findFirst().map(x -> fixtures.delivery(x.getId())).orElseThrow();
        Delivery untouched = d.stream().filter(x -> x.getAddress().equals(other)).findFirst().map(x -> fixtures.delivery(x.getId())).orElseThrow();
        assertEquals(DeliveryStatus.UNSUBSCRIBED, unsubscribed.getStatus());
        assertEquals(1, fixtures.events(unsubscribed.getId()).stream().filter(e -> "UNSUBSCRIBE".equals(e.getSource())).count());
        assertEquals(DeliveryStatus.ACCEPTED, untouched.getStatus(), "a forged token unsubscribes nobody");
        assertEquals(0, inMailbox());
        assertEquals(List.of("unsubscribe", "1"), Arrays.asList(inbound(stored.get(0))).subList(0, 2));
        assertEquals(List.of("unsubscribe", "0"), Arrays.asList(inbound(stored.get(1))).subList(0, 2), "kept, and ignored");

        // The same scope as the one-click link: BULK mail to the address stops, letters about the tenancy do not.
        assertEquals(DeliveryStatus.SUPPRESSED, submit(Category.BULK, reader));
        assertEquals(DeliveryStatus.PENDING, submit(Category.ESSENTIAL, reader));
    }

    @Test
    void unsubscribeMailPipedByTheMtaUnsubscribesToo() throws Exception {
        String reader = Fixtures.address("piped");
        Delivery d = sent(Category.BULK, reader).get(0);
        System.setProperty("distman.bounce.secret", "mailbox-it-secret");
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            TestEnvironment.url("api/v1/bounces"))
                    .header("Authorization", "Bearer mailbox-it-secret").header("Content-Type", "message/rfc822")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(unsubscribeMail(reader, unsubscribeMailto(reader)))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
            assertTrue(response.body().contains("\"kind\":\"unsubscribe\"") && response.body().contains("\"matched\":1"),
                    response.body());
        } finally {
            System.clearProperty("distman.bounce.secret");
        }
        assertEquals(DeliveryStatus.UNSUBSCRIBED, fixtures.delivery(d.getId()).getStatus());
    }

    private DeliveryStatus submit(Category category, String to) {
        return manager.submit(SubmitRequest.builder().account(account.code()).raisedBy("anna").category(category)
                .sender("lettings@northside.example", null).to(to).subject("Next " + category).text("x")
                .build()).deliveries().get(0).status();
    }

    /** The mailto address from the List-Unsubscribe header of the BULK mail the address received. */
    private static String unsubscribeMailto(String address) throws Exception {
        MimeMessage mail = TestMailServer.received().stream().filter(m -> Mails.isFor(m, address)).findFirst().orElseThrow();
        String header = mail.getHeader("List-Unsubscribe")[0];
        Matcher m = Pattern.compile("<mailto:([^?>]+)").matcher(header);
        assertTrue(m.find(), header);
        return m.group(1);
    }

    /** What a mail client sends for the mailto link, as the bounce domain's delivery agent stores it. */
    private static byte[] unsubscribeMail(String from, String to) {
        return ("Return-Path: <" + from + ">\r\nDelivered-To: " + to + "\r\nFrom: <" + from + ">\r\nTo: <" + to + ">\r\n"
                + "Subject: unsubscribe\r\nMessage-ID: <" + System.nanoTime() + "@tenant.example.org>\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\nunsubscribe\r\n").getBytes(StandardCharsets.US_ASCII);
    }
}
