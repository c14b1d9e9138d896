package io.distman.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.message.entity.Category;
import io.distman.message.entity.Delivery;
import io.distman.message.entity.DeliveryEvent;
import io.distman.message.entity.DeliveryStatus;
import io.distman.submission.entity.SubmitRequest;
import io.distman.testsupport.Deployments;
import io.distman.testsupport.Dispatching;
import io.distman.testsupport.TestEnvironment;
import io.distman.testsupport.TestMailServer;
import io.distman.testsupport.ejb.Fixtures.TestAccount;
import io.distman.testsupport.ejb.Fixtures;
import io.distman.testsupport.ejb.TestModule;
import jakarta.ejb.EJB;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Returned mail piped by an MTA to POST /api/v1/bounces: a DSN to a delivery's VERP return path fails
 * it with the RFC 3463 code, a DSN without one is matched by the original Message-ID, a delay is
 * temporary, an ARF report is a complaint, an auto-reply changes nothing, and the same message twice
 * is recorded once.
 */
@ExtendWith(ArquillianExtension.class)
public class BounceIT {

    private static final String URL = TestEnvironment.baseUrl() + "api/v1/bounces";
    private static final String SECRET = "bounce-test-secret";

    @Deployment
    public static EnterpriseArchive deployment() {
        return Deployments.ear(BounceIT.class);
    }

    @EJB
    TestModule manager;

    @EJB
    Fixtures fixtures;

    private final HttpClient http = HttpClient.newHttpClient();
    TestAccount account;

    @BeforeEach
    void setUp() {
        TestMailServer.reset();
        System.setProperty("distman.bounce.secret", SECRET);
        account = fixtures.newAccount("bounce");
    }

    @AfterEach
    void tearDown() {
        System.clearProperty("distman.bounce.secret");
    }

    private Delivery sent() {
        long id = manager.submit(SubmitRequest.builder().account(account.code()).raisedBy("anna").category(Category.ESSENTIAL)
                .sender("lettings@northside.example", "Northside").to(Fixtures.address("olivia")).subject("Rent demand")
                .text("Please pay.").build()).deliveries().get(0).deliveryId();
        Dispatching.sweep();
        return fixtures.delivery(id);
    }

    private HttpResponse<String> post(String mime, String secret) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(URL)).header("Content-Type", "message/rfc822")
                .POST(HttpRequest.BodyPublishers.ofString(mime));
        if (secret != null) {
            request.header("Authorization", "Bearer " + secret);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A Postfix-style RFC 3464 report, as it comes back to the return path. */
    private static String dsn(String to, Delivery d, String action, String status, String diagnostic) {
        return "From: MAILER-DAEMON@mx.tenant.example.org\r\n"
                + "To: " + to + "\r\n"
                + "Subject: Undelivered Mail Returned to Sender\r\n"
                + "Message-ID: <dsn." + System.nanoTime() + "@mx.tenant.example.org>\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b1\"\r\n\r\n"
                + "--b1\r\nContent-Type: text/plain\r\n\r\n"
                + "This is the mail system at host mx.tenant.example.org.\r\n\r\n"
                + "<" + d.getAddress() + ">: host mx.tenant.example.org said: " + diagnostic + " (in reply to RCPT TO command)\r\n\r\n"
                + "--b1\r\nContent-Type: message/delivery-status\r\n\r\n"
                + "Reporting-MTA: dns; mx.tenant.example.org\r\n\r\n"
                + "Final-Recipient: rfc822; " + d.getAddress() + "\r\n"
                + "Action: " + action + "\r\n"
                + "Status: " + status + "\r\n"
                + "Remote-MTA: dns; mx.tenant.example.org\r\n"
                + "Diagnostic-Code: smtp; " + diagnostic + "\r\n\r\n"
                + "--b1\r\nContent-Type: text/rfc822-headers\r\n\r\n"
                + "Message-ID: " + d.getMessageIdHeader() + "\r\n"
                + "From: Northside <lettings@northside.example>\r\n"
                + "To: " + d.getAddress() + "\r\n"
                + "Subject: Rent demand\r\n\r\n"
                + "--b1--\r\n";
    }

    private static String verp(Delivery d) {
        return "bounce+" + d.getReturnToken() + "@northside.example";
    }

    @Test
    void aHardBounceToTheVerpAddressFailsTheDeliveryWithItsCodeAndIsRecordedOnce() throws Exception {
        Delivery d = sent();
        String bounce = dsn(verp(d), d, "failed", "5.1.1",
                "550 5.1.1 <" + d.getAddress() + ">: Recipient address rejected: User unknown in virtual mailbox table");

        HttpResponse<String> response = post(bounce, SECRET);
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"matched\":1"), response.body());
        Delivery after = fixtures.delivery(d.getId());
        assertEquals(DeliveryStatus.FAILED, after.getStatus());
        assertEquals("5.1.1", after.getEnhancedCode());
        assertEquals(550, after.getSmtpCode());
        assertTrue(after.getStatusDetail().startsWith("userunknown"), after.getStatusDetail());

        HttpResponse<String> again = post(bounce, SECRET);
        assertTrue(again.body().contains("\"duplicate\":true"), again.body());
        assertEquals(1, fixtures.events(d.getId()).stream().filter(e -> "DSN".equals(e.getSource())).count());
    }

    @Test
    void withoutTheVerpTokenTheOriginalMessageIdFindsTheDeliveryAndADelayIsTemporary() throws Exception {
        Delivery d = sent();
        String delayed = dsn("postmaster@northside.example", d, "delayed", "4.4.1",
                "421 4.4.1 Connection timed out");
        assertEquals(200, post(delayed, SECRET).statusCode());
        Delivery after = fixtures.delivery(d.getId());
        assertEquals(DeliveryStatus.TEMPORARY_FAILURE, after.getStatus());
        DeliveryEvent last = fixtures.events(d.getId()).get(fixtures.events(d.getId()).size() - 1);
        assertEquals("DSN", last.getSource());
        assertEquals(null, after.getNextAttemptAt(), "the remote MTA retries a delayed mail, not us");
    }

    @Test
    void anArfReportIsAComplaintAndAnAutoReplyChangesNothing() throws Exception {
        Delivery d = sent();
        String arf = "From: feedback@fbl.tenant.example.org\r\nTo: " + verp(d) + "\r\nSubject: FW: Rent demand\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: multipart/report; report-type=feedback-report; boundary=\"f1\"\r\n\r\n"
                + "--f1\r\nContent-Type: text/plain\r\n\r\nThis is an email abuse report.\r\n\r\n"
                + "--f1\r\nContent-Type: message/feedback-report\r\n\r\nFeedback-Type: abuse\r\nUser-Agent: FBL/1.0\r\nVersion: 1\r\n"
                + "Original-Rcpt-To: " + d.getAddress() + "\r\n\r\n"
                + "--f1\r\nContent-Type: message/rfc822\r\n\r\nMessage-ID: " + d.getMessageIdHeader()
                + "\r\nFrom: lettings@northside.example\r\nTo: " + d.getAddress() + "\r\nSubject: Rent demand\r\n\r\nPlease pay.\r\n"
                + "--f1--\r\n";
        assertEquals(200, post(arf, SECRET).statusCode());
        assertEquals(DeliveryStatus.COMPLAINED, fixtures.delivery(d.getId()).getStatus());

        Delivery other = sent();
        String autoReply = "From: " + other.getAddress() + "\r\nTo: " + verp(other) + "\r\nSubject: Out of office\r\n"
                + "Auto-Submitted: auto-replied\r\nIn-Reply-To: " + other.getMessageIdHeader() + "\r\n"
                + "Content-Type: text/plain\r\n\r\nI am out of the office until Monday.\r\n";
        HttpResponse<String> response = post(autoReply, SECRET);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(DeliveryStatus.ACCEPTED, fixtures.delivery(other.getId()).getStatus());
    }

    @Test
    void everyCorpusMessageIsTakenAndMatchesNothingOfOurs() throws Exception {
        List<Path> files;
        try (Stream<Path> list = Files.list(Path.of(TestEnvironment.get("distman.test.corpus"), "bounces"))) {
            files = list.filter(p -> p.toString().endsWith(".eml")).sorted().limit(40).toList();
        }
        for (Path file : files) {
            HttpResponse<String> response = post(Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1), SECRET);
            assertEquals(200, response.statusCode(), file + ": " + response.body());
            assertTrue(response.body().contains("\"matched\":0"), file + ": " + response.body());
        }
    }

    @Test
    void withoutTheSecretNothingIsTaken() throws Exception {
        long stored = fixtures.count("inbound_mail");
        assertEquals(401, post("From: x@example.org\r\n\r\nhello\r\n", null).statusCode());
        assertEquals(401, post("From: x@example.org\r\n\r\nhello\r\n", "wrong").statusCode());
        System.clearProperty("distman.bounce.secret");
        assertEquals(503, post("From: x@example.org\r\n\r\nhello\r\n", SECRET).statusCode());
        assertEquals(stored, fixtures.count("inbound_mail"));
    }
}
