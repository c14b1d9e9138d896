package io.distman.dispatch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.message.boundary.DeliveryStatusChanged;
import io.distman.message.entity.Category;
import io.distman.message.entity.Delivery;
import io.distman.message.entity.DeliveryStatus;
import io.distman.message.entity.MessageView;
import io.distman.message.entity.Priority;
import io.distman.submission.entity.AttachmentInput;
import io.distman.submission.entity.SubmitReceipt;
import io.distman.submission.entity.SubmitRequest;
import io.distman.testsupport.Deployments;
import io.distman.testsupport.Dispatching;
import io.distman.testsupport.Mails;
import io.distman.testsupport.RecordedEvents;
import io.distman.testsupport.TestMailServer;
import io.distman.testsupport.ejb.Fixtures.TestAccount;
import io.distman.testsupport.ejb.Fixtures;
import io.distman.testsupport.ejb.TestModule;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Submit, then the dispatch-pending job sends to a real SMTP server (GreenMail) what it should, as it should. */
@ExtendWith(ArquillianExtension.class)
public class DispatchIT {

    @Deployment
    public static EnterpriseArchive deployment() {
        return Deployments.ear(DispatchIT.class);
    }

    @EJB
    TestModule manager;

    @EJB
    Fixtures fixtures;

    @Inject
    RecordedEvents events;

    TestAccount account;

    @BeforeEach
    void setUp() {
        TestMailServer.reset();
        account = fixtures.newAccount("dispatch");
    }

    private SubmitRequest.Builder letter(String to) {
        return SubmitRequest.builder().account(account.code()).raisedBy("anna").source("demand", "4711")
                .category(Category.ESSENTIAL).sender("lettings@northside.example", "Northside Lettings")
                .to(to).subject("Rent demand 4711 – Flat 1").text("Please pay £850.");
    }

    @Test
    void theJobSendsEachRecipientItsOwnCopyWithTheRightHeadersPartsAndAttachments() throws Exception {
        String to = Fixtures.address("olivia");
        String cc = Fixtures.address("guarantor");
        String bcc = Fixtures.address("archive");
        byte[] pdf = ("%PDF-1.4 demand letter " + to).getBytes();
        SubmitReceipt receipt = manager.submit(letter(to).cc(cc).bcc(bcc)
                .html("<p>Please pay <b>£850</b>.</p>")
                .attachments(List.of(new AttachmentInput("demand-4711.pdf", "application/pdf", pdf)))
                .headers(Map.of("X-Demand-No", "4711")).build());

        Dispatching.sweep();

        List<MimeMessage> all = TestMailServer.awaitMessages(3, Duration.ofSeconds(20));
        MessageView view = manager.message(account.code(), receipt.messageId());
        for (MessageView.DeliveryView delivery : view.deliveries()) {
            assertEquals(DeliveryStatus.ACCEPTED, delivery.status(), () -> delivery.address() + " " + delivery.statusDetail());
            assertEquals(250, delivery.smtpCode());
            assertEquals(List.of(DeliveryStatus.PENDING, DeliveryStatus.SENDING, DeliveryStatus.ACCEPTED),
                    delivery.timeline().stream().map(MessageView.EventView::status).toList());
            MimeMessage mail = copyWithId(all, delivery.messageIdHeader());
            assertEquals(delivery.messageIdHeader(), mail.getMessageID(), "the Message-ID fixed at submission");
            Delivery row = fixtures.delivery(delivery.id());
            assertEquals("<bounce+" + row.getReturnToken() + "@northside.example>", mail.getHeader("Return-Path")[0],
                    "a per-delivery return path for bounce correlation");
            assertEquals("Rent demand 4711 – Flat 1", mail.getSubject());
            assertEquals(new InternetAddress("lettings@northside.example", "Northside Lettings"), mail.getFrom()[0]);
            assertEquals(List.of(new InternetAddress(to)), Arrays.asList(mail.getRecipients(RecipientType.TO)));
            assertEquals(List.of(new InternetAddress(cc)), Arrays.asList(mail.getRecipients(RecipientType.CC)));
            assertNull(mail.getHeader("Bcc"), "no copy reveals the bcc recipient");
            assertEquals("4711", mail.getHeader("X-Demand-No")[0]);

            Multipart mixed = (Multipart) mail.getContent();
            assertTrue(mail.getContentType().startsWith("multipart/mixed"), mail.getContentType());
            Multipart alternative = (Multipart) mixed.getBodyPart(0).getContent();
            assertTrue(mixed.getBodyPart(0).getContentType().startsWith("multipart/alternative"));
            assertTrue(alternative.getBodyPart(0).isMimeType("text/plain"));
            assertEquals("Please pay £850.", ((String) alternative.getBodyPart(0).getContent()).strip());
            assertTrue(alternative.getBodyPart(1).isMimeType("text/html"));
            BodyPart attachment = mixed.getBodyPart(1);
            assertEquals("demand-4711.pdf", attachment.getFileName());
            assertTrue(attachment.isMimeType("application/pdf"));
            assertArrayEquals(pdf, bytes(attachment.getInputStream()));
        }
        assertEquals(3, view.deliveries().stream().map(MessageView.DeliveryView::messageIdHeader).distinct().count());
        List<DeliveryStatusChanged> changes = events.changes(receipt.deliveries().get(0).deliveryId());
        assertEquals(List.of(DeliveryStatus.PENDING, DeliveryStatus.SENDING, DeliveryStatus.ACCEPTED),
                changes.stream().map(DeliveryStatusChanged::current).toList(), "the host sees every change after commit");
        assertEquals("demand", changes.get(2).sourceModule());
    }

    @Test
    void urgentMailGoesOutWithinSecondsWithoutTheSchedule() {
        String urgent = Fixtures.address("urgent");
        String normal = Fixtures.address("normal");
        SubmitReceipt normalReceipt = manager.submit(letter(normal).priority(Priority.NORMAL).build());
        Instant submitted = Instant.now();
        manager.submit(letter(urgent).priority(Priority.URGENT).build());

        Dispatching.await(() -> TestMailServer.received().stream().anyMatch(m -> Mails.isFor(m, urgent)), Duration.ofSeconds(15),
                "the urgent mail to arrive without a sweep");
        Duration took = Duration.between(submitted, Instant.now());
        assertTrue(took.compareTo(Duration.ofSeconds(15)) < 0);
        assertTrue(TestMailServer.received().stream().noneMatch(m -> Mails.isFor(m, normal)), "normal mail waits for the sweep");
        assertEquals(DeliveryStatus.PENDING, fixtures.delivery(normalReceipt.deliveries().get(0).deliveryId()).getStatus());
    }

    @Test
    void scheduledMailWaitsForItsTimeAndCancelledMailIsNeverSent() {
        String later = Fixtures.address("later");
        String cancelled = Fixtures.address("cancelled");
        SubmitReceipt scheduled = manager.submit(letter(later).sendAt(Instant.now().plus(Duration.ofHours(1))).build());
        SubmitReceipt toCancel = manager.submit(letter(cancelled).build());
        assertEquals(DeliveryStatus.SCHEDULED, scheduled.deliveries().get(0).status());
        assertEquals(DeliveryStatus.CANCELLED,
                manager.cancel(account.code(), toCancel.deliveries().get(0).deliveryId(), "anna").status());

        Dispatching.sweep();

        assertTrue(TestMailServer.received().stream().noneMatch(m -> Mails.isFor(m, later) || Mails.isFor(m, cancelled)));
        assertEquals(DeliveryStatus.SCHEDULED, fixtures.delivery(scheduled.deliveries().get(0).deliveryId()).getStatus());
        fixtures.makeDue(scheduled.deliveries().get(0).deliveryId());
        Dispatching.sweep();
        assertEquals(DeliveryStatus.ACCEPTED, fixtures.delivery(scheduled.deliveries().get(0).deliveryId()).getStatus());
    }

    @Test
    void aResendIsANewDeliveryToTheCorrectedAddressLinkedToTheOld() {
        SubmitReceipt receipt = manager.submit(letter("harry.davies@tenant").build());
        long rejected = receipt.deliveries().get(0).deliveryId();
        assertEquals(DeliveryStatus.REJECTED, receipt.deliveries().get(0).status());
        String corrected = Fixtures.address("harry.davies");

        long resent = manager.resend(account.code(), rejected, corrected, "anna").deliveryId();

        Dispatching.await(() -> TestMailServer.received().stream().anyMatch(m -> Mails.isFor(m, corrected)), Duration.ofSeconds(15),
                "a resend goes out at once");
        Delivery row = fixtures.delivery(resent);
        assertEquals(rejected, row.getResendOf());
        assertNotEquals(rejected, resent);
        assertEquals(DeliveryStatus.REJECTED, fixtures.delivery(rejected).getStatus(), "the old delivery keeps its history");
    }

    /** Each delivery is its own SMTP transaction with its own Message-ID: exactly one copy must carry it. */
    private static MimeMessage copyWithId(List<MimeMessage> all, String messageId) {
        return all.stream().filter(m -> messageId.equals(header(m, "Message-ID"))).reduce((a, b) -> {
            throw new AssertionError("more than one copy with " + messageId);
        }).orElseThrow(() -> new AssertionError("no copy with " + messageId));
    }

    private static String header(MimeMessage m, String name) {
        try {
            String[] values = m.getHeader(name);
            return values == null ? null : values[0];
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(InputStream in) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }
}
