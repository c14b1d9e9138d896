package io.distman.dispatch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.message.entity.Category;
import io.distman.message.entity.Delivery;
import io.distman.message.entity.DeliveryEvent;
import io.distman.message.entity.DeliveryStatus;
import io.distman.submission.entity.AttachmentInput;
import io.distman.submission.entity.SubmitRequest;
import io.distman.testsupport.Deployments;
import io.distman.testsupport.Dispatching;
import io.distman.testsupport.MailgunApiServer;
import io.distman.testsupport.MailgunWebhooks;
import io.distman.testsupport.Mails;
import io.distman.testsupport.TestEnvironment;
import io.distman.testsupport.TestMailServer;
import io.distman.testsupport.ejb.Fixtures.TestAccount;
import io.distman.testsupport.ejb.Fixtures;
import io.distman.testsupport.ejb.TestModule;
import jakarta.ejb.EJB;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Accounts that send through Mailgun: the dispatch job posts each delivery to a local server that
 * speaks Mailgun's sending API (in the GlassFish JVM, on a free port), the account's base URL pointing
 * at it. What arrives there, how each kind of answer is recorded, and that SMTP accounts are untouched.
 */
@ExtendWith(ArquillianExtension.class)
public class MailgunTransportIT {

    private static final String DOMAIN = "mg.northside.example";
    private static final String KEY = "key-0123456789abcdef";
    private static final String SIGNING_KEY = "webhook-signing-key";

    @Deployment
    public static EnterpriseArchive deployment() {
        return Deployments.ear(MailgunTransportIT.class);
    }

    @EJB
    TestModule manager;

    @EJB
    Fixtures fixtures;

    MailgunApiServer mailgun;
    TestAccount account;

    @BeforeEach
    void setUp() {
        TestMailServer.reset();
        mailgun = MailgunApiServer.start(DOMAIN, KEY);
        account = fixtures.newAccount("mailgun");
        fixtures.useMailgun(account.id(), KEY, DOMAIN, mailgun.baseUrl());
    }

    @AfterEach
    void tearDown() {
        mailgun.close();
        System.clearProperty("distman.mailgun.timeout");
        System.clearProperty("distman.webhook.mailgun.signingKey");
    }

    private SubmitRequest.Builder letter(TestAccount from, String to) {
        return SubmitRequest.builder().account(from.code()).raisedBy("anna").source("demand", "4711")
                .category(Category.ESSENTIAL).sender("lettings@northside.example", "Northside Lettings")
                .to(to).subject("Rent demand 4711").text("Please pay £850.");
    }

    private long submit(SubmitRequest request) {
        return manager.submit(request).deliveries().get(0).deliveryId();
    }

    @Test
    void aDeliveryReachesMailgunWithItsFieldsAndTheWholeMessageAndIsAccepted() throws Exception {
        String to = Fixtures.address("olivia");
        byte[] pdf = ("%PDF-1.4 demand letter " + to).getBytes();
        long id = submit(letter(account, to).html("<p>Please pay <b>£850</b>.</p>")
                .attachments(List.of(new AttachmentInput("demand-4711.pdf", "application/pdf", pdf)))
                .headers(Map.of("X-Demand-No", "4711")).build());

        Dispatching.sweep();

        List<MailgunApiServer.Request> requests = mailgun.receivedFor(to);
        assertEquals(1, requests.size(), "one request per delivery");
        MailgunApiServer.Request request = requests.get(0);
        assertEquals("/v3/" + DOMAIN + "/messages.mime", request.path());
        assertEquals(200, request.status(), request.answer());
        assertEquals(to, request.field("to"));
        assertEquals("essential", request.field("o:tag"));
        // <id>.<base64url of the key version byte and 12 bytes of MAC>
        assertTrue(request.field("v:distman-delivery-id").matches(id + "\\.[A-Za-z0-9_-]{18}"),
                "our delivery id, signed: " + request.field("v:distman-delivery-id"));

        Delivery d = fixtures.delivery(id);
        MimeMessage mail = request.mimeMessage();
        assertEquals(d.getMessageIdHeader(), mail.getMessageID(), "our Message-ID, fixed at submission");
        assertEquals("Rent demand 4711", mail.getSubject());
        assertEquals("4711", mail.getHeader("X-Demand-No")[0]);
        Multipart mixed = (Multipart) mail.getContent();
        BodyPart attachment = mixed.getBodyPart(1);
        assertEquals("demand-4711.pdf", attachment.getFileName());
        assertArrayEquals(pdf, attachment.getInputStream().readAllBytes());

        assertEquals(DeliveryStatus.ACCEPTED, d.getStatus(), d.getStatusDetail());
        assertEquals("mailgun", d.getProvider());
        String returned = request.answer().replaceAll("(?s).*\"id\": \"<([^>]+)>\".*", "$1");
        assertEquals(returned, d.getProviderMessageId(), "Mailgun's id, stored bare as webhooks name it");
        assertEquals("Mailgun HTTP 200: Queued. Thank you.", d.getStatusDetail());
        assertNull(d.getSmtpCode());
        List<DeliveryEvent> events = fixtures.events(id);
        assertEquals(List.of(DeliveryStatus.PENDING, DeliveryStatus.SENDING, DeliveryStatus.ACCEPTED),
                events.stream().map(DeliveryEvent::getStatus).toList());
        assertEquals("MAILGUN", events.get(2).getSource());
        assertTrue(TestMailServer.received().stream().noneMatch(m -> Mails.isFor(m, to)), "nothing went by SMTP");
    }

    @Test
    void anSmtpAccountInTheSameSweepStillGoesBySmtp() {
        TestAccount smtpAccount = fixtures.newAccount("smtp");
        String viaMailgun = Fixtures.address("mailgun");
        String viaSmtp = Fixtures.address("smtp");
        long mailgunId = submit(letter(account, viaMailgun).build());
        long smtpId = submit(letter(smtpAccount, viaSmtp).build());

        Dispatching.sweep();

        TestMailServer.awaitMessages(1, Duration.ofSeconds(10));
        assertEquals(1, TestMailServer.received().stream().filter(m -> Mails.isFor(m, viaSmtp)).count());
        assertTrue(TestMailServer.received().stream().noneMatch(m -> Mails.isFor(m, viaMailgun)));
        assertEquals(1, mailgun.receivedFor(viaMailgun).size());
        assertTrue(mailgun.receivedFor(viaSmtp).isEmpty());
        assertEquals("mailgun", fixtures.delivery(mailgunId).getProvider());
        assertEquals(DeliveryStatus.ACCEPTED, fixtures.delivery(smtpId).getStatus());
        assertEquals("smtp", fixtures.delivery(smtpId).getProvider());
    }

    @Test
    void aRateLimitIsRetriedNoSoonerThanRetryAfterAndAServerErrorOnTheBackOff() {
        String limited = Fixtures.address("limited");
        long limitedId = submit(letter(account, limited).build());
        mailgun.answer(limited, 429, "600", "Too many requests");
        Dispatching.sweep();

        Delivery d = fixtures.delivery(limitedId);
        assertEquals(DeliveryStatus.TEMPORARY_FAILURE, d.getStatus(), d.getStatusDetail());
        assertTrue(d.getStatusDetail().contains("Mailgun HTTP 429: Too many requests"), d.getStatusDetail());
        Duration wait = Duration.between(d.getStatusAt(), d.getNextAttemptAt());
        assertTrue(Math.abs(wait.minus(Duration.ofSeconds(600)).toMillis()) < 5000, "Retry-After 600 s, longer than the first back-off: " + wait);

        String erring = Fixtures.address("erring");
        long erringId = submit(letter(account, erring).build());
        mailgun.answer(erring, 500, null, "Internal Server Error");
        Dispatching.sweep();
        Delivery e = fixtures.delivery(erringId);
        assertEquals(DeliveryStatus.TEMPORARY_FAILURE, e.getStatus(), e.getStatusDetail());
        Duration backOff = Duration.between(e.getStatusAt(), e.getNextAttemptAt());
        assertTrue(Math.abs(backOff.minus(Duration.ofMinutes(1)).toMillis()) < 5000, "the first back-off step: " + backOff);

        mailgun.clearFaults();
        fixtures.makeDue(limitedId);
        fixtures.makeDue(erringId);
        Dispatching.sweep();
        for (long id : List.of(limitedId, erringId)) {
            Delivery after = fixtures.delivery(id);
            assertEquals(DeliveryStatus.ACCEPTED, after.getStatus(), after.getStatusDetail());
            assertEquals(2, after.getAttempts());
        }
        assertEquals(List.of(429, 200), mailgun.receivedFor(limited).stream().map(MailgunApiServer.Request::status).toList());
    }

    @Test
    void aBadRequestIsRejectedForGood() {
        String to = Fixtures.address("bad");
        long id = submit(letter(account, to).build());
        mailgun.answer(to, 400, null, "'to' parameter is not a valid address. please check documentation");
        Dispatching.sweep();

        Delivery d = fixtures.delivery(id);
        assertEquals(DeliveryStatus.REJECTED, d.getStatus(), d.getStatusDetail());
        assertEquals("Mailgun HTTP 400: 'to' parameter is not a valid address. please check documentation", d.getStatusDetail());
        assertNull(d.getNextAttemptAt(), "never retried");
        assertEquals(1, d.getAttempts());
    }

    @Test
    void aWrongKeyOrDomainKeepsTheMailWaitingUntilAnAdminFixesTheSettings() {
        String to = Fixtures.address("waiting");
        long id = submit(letter(account, to).build());
        fixtures.useMailgun(account.id(), "key-wrong", DOMAIN, mailgun.baseUrl());
        Dispatching.sweep();
        Delivery d = fixtures.delivery(id);
        assertEquals(DeliveryStatus.TEMPORARY_FAILURE, d.getStatus(), d.getStatusDetail());
        assertTrue(d.getStatusDetail().contains("Mailgun HTTP 401: Forbidden"), d.getStatusDetail());
        assertNotNull(d.getNextAttemptAt());

        fixtures.useMailgun(account.id(), KEY, "mg.unknown.example", mailgun.baseUrl());
        fixtures.makeDue(id);
        Dispatching.sweep();
        d = fixtures.delivery(id);
        assertEquals(DeliveryStatus.TEMPORARY_FAILURE, d.getStatus(), d.getStatusDetail());
        assertTrue(d.getStatusDetail().contains("Mailgun HTTP 404"), d.getStatusDetail());

        fixtures.useMailgun(account.id(), KEY, DOMAIN, mailgun.baseUrl());
        fixtures.makeDue(id);
        Dispatching.sweep();
        d = fixtures.delivery(id);
        assertEquals(DeliveryStatus.ACCEPTED, d.getStatus(), d.getStatusDetail());
        assertEquals(3, d.getAttempts());
        assertEquals(List.of(200), mailgun.receivedFor(to).stream().map(MailgunApiServer.Request::status).toList(),
                "refused requests never got as far as the form");
    }

    @Test
    void noAnswerInTimeIsTemporary() {
        String to = Fixtures.address("slow");
        long id = submit(letter(account, to).build());
        System.setProperty("distman.mailgun.timeout", "PT1S");
        mailgun.delay(to, Duration.ofSeconds(4));
        Dispatching.sweep();

        Delivery d = fixtures.delivery(id);
        assertEquals(DeliveryStatus.TEMPORARY_FAILURE, d.getStatus(), d.getStatusDetail());
        assertTrue(d.getStatusDetail().contains("Mailgun no answer in time"), d.getStatusDetail());
        assertNotNull(d.getNextAttemptAt());
    }

    @Test
    void bulkMailKeepsItsUnsubscribeHeadersAndMailgunsWebhookFindsTheDelivery() throws Exception {
        String to = Fixtures.address("reader");
        long id = submit(letter(account, to).category(Category.BULK).build());
        Dispatching.sweep();

        MailgunApiServer.Request request = mailgun.receivedFor(to).get(0);
        MimeMessage mail = request.mimeMessage();
        assertNotNull(mail.getHeader("List-Unsubscribe"), "the same headers as over SMTP");
        assertEquals("List-Unsubscribe=One-Click", mail.getHeader("List-Unsubscribe-Post")[0]);
        assertEquals("bulk", request.field("o:tag"));
        Delivery sent = fixtures.delivery(id);
        assertEquals(DeliveryStatus.ACCEPTED, sent.getStatus(), sent.getStatusDetail());

        // Mailgun echoes the user variable we sent; the event names Mailgun's id, not our Message-ID.
        System.setProperty("distman.webhook.mailgun.signingKey", SIGNING_KEY);
        String event = "{\"id\":\"mg-ev-" + id + "\",\"event\":\"delivered\",\"timestamp\":" + (System.currentTimeMillis() / 1000.0)
                + ",\"recipient\":\"" + to + "\",\"message\":{\"headers\":{\"message-id\":\"" + sent.getProviderMessageId() + "\"}},"
                + "\"user-variables\":{\"distman-delivery-id\":\"" + request.field("v:distman-delivery-id") + "\"}}";
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(TestEnvironment.url("api/v1/webhooks/mailgun"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(MailgunWebhooks.signed(SIGNING_KEY, event))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"matched\":1"), response.body());
        Delivery delivered = fixtures.delivery(id);
        assertEquals(DeliveryStatus.DELIVERED, delivered.getStatus());
        assertNotEquals(delivered.getMessageIdHeader(), "<" + delivered.getProviderMessageId() + ">");
    }
}
