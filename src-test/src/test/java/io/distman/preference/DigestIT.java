package io.distman.preference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.digest.boundary.DigestJob;
import io.distman.message.entity.Category;
import io.distman.message.entity.DeliveryEvent;
import io.distman.message.entity.DeliveryStatus;
import io.distman.message.entity.Priority;
import io.distman.message.entity.StatusChange;
import io.distman.preference.boundary.PreferenceAdmin;
import io.distman.preference.entity.PreferenceInput;
import io.distman.preference.entity.PreferenceView;
import io.distman.submission.entity.AttachmentInput;
import io.distman.submission.entity.DeliveryReceipt;
import io.distman.submission.entity.SubmitRequest;
import io.distman.testsupport.Deployments;
import io.distman.testsupport.Dispatching;
import io.distman.testsupport.Mails;
import io.distman.testsupport.TestMailServer;
import io.distman.testsupport.ejb.AsCaller;
import io.distman.testsupport.ejb.Fixtures;
import io.distman.testsupport.ejb.Fixtures.TestAccount;
import io.distman.testsupport.ejb.TestModule;
import jakarta.ejb.EJB;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A recipient who chose a digest: their normal BULK mail is held (PENDING_DIGEST), other mail goes as usual; at their
 * digest time one mail lists and carries what was held (subjects, senders, texts, attachments) and arrives at the
 * SMTP sink; the held deliveries then follow the digest delivery's outcome in their timelines. A turn is taken once,
 * and a recipient who opted out meanwhile gets no digest.
 */
@ExtendWith(ArquillianExtension.class)
public class DigestIT {

    private static final Pattern DIGEST_DELIVERY = Pattern.compile("delivery #(\\d+)");

    @Deployment
    public static EnterpriseArchive deployment() {
        return Deployments.ear(DigestIT.class, PreferenceCalls.class);
    }

    @EJB
    TestModule manager;

    @EJB
    Fixtures fixtures;

    @EJB
    AsCaller as;

    @EJB
    PreferenceAdmin admin;

    @EJB
    DigestJob digests;

    TestAccount account;
    String address;

    @BeforeEach
    void setUp() {
        TestMailServer.reset();
        account = fixtures.newAccount("digest");
        address = Fixtures.address("reader");
    }

    private PreferenceView daily(boolean optedOut) {
        return PreferenceCalls.save(as, admin, account.id(), address, new PreferenceInput(optedOut, "DAILY", null, "07:00",
                "Europe/London"));
    }

    private DeliveryReceipt submit(Category category, Priority priority, String subject, List<AttachmentInput> files) {
        return manager.submit(SubmitRequest.builder().account(account.code()).raisedBy("anna").category(category)
                .priority(priority).sender("news@northside.example", "Northside News").to(address).subject(subject)
                .text("Body of " + subject).attachments(files).build()).deliveries().get(0);
    }

    private long digestDeliveryOf(long held) {
        for (DeliveryEvent e : fixtures.events(held)) {
            Matcher m = DIGEST_DELIVERY.matcher(e.getDiagnostic() == null ? "" : e.getDiagnostic());
            if ("DIGEST".equals(e.getSource()) && m.find()) {
                return Long.parseLong(m.group(1));
            }
        }
        throw new AssertionError("no digest in the timeline of " + held);
    }

    @Test
    void heldMailGoesOutInOneDigestAndFollowsItsOutcome() throws Exception {
        PreferenceView pref = daily(false);
        assertNotNull(pref.nextDigestAt());
        String tag = UUID.randomUUID().toString().substring(0, 8);
        DeliveryReceipt first = submit(Category.BULK, Priority.NORMAL, "Summer fete " + tag, List.of(
                new AttachmentInput("programme.txt", "text/plain", "Stalls at noon".getBytes(StandardCharsets.UTF_8))));
        DeliveryReceipt second = submit(Category.BULK, Priority.NORMAL, "Garden notice " + tag, List.of());
        assertEquals(DeliveryStatus.PENDING_DIGEST, first.status());
        assertEquals(DeliveryStatus.PENDING_DIGEST, second.status());
        String urgent = "Water off today " + tag;
        assertEquals(DeliveryStatus.PENDING, submit(Category.BULK, Priority.URGENT, urgent, List.of()).status());
        String receipt = "Receipt " + tag;
        assertEquals(DeliveryStatus.PENDING, submit(Category.TRANSACTIONAL, Priority.NORMAL, receipt, List.of()).status());

        Dispatching.sweep();
        Mails.received(address, urgent);
        Mails.received(address, receipt);
        assertEquals(DeliveryStatus.PENDING_DIGEST, fixtures.delivery(first.deliveryId()).getStatus(), "held past the sweep");

        Instant due = pref.nextDigestAt().plusSeconds(1);
        assertTrue(digests.run(due) >= 1);
        assertEquals(0, digests.run(due), "the turn is taken once: a second run at the same time mails nothing");
        long digest = digestDeliveryOf(first.deliveryId());
        assertEquals(digest, digestDeliveryOf(second.deliveryId()), "both in the same digest");

        Dispatching.sweep();
        MimeMessage mail = Mails.received(address, "Your digest: 2 messages");
        String text = Mails.part(mail, "text/plain");
        assertTrue(text.contains("Summer fete " + tag) && text.contains("Garden notice " + tag), text);
        assertTrue(text.contains("Northside News <news@northside.example>"), text);
        assertTrue(text.contains("Body of Garden notice " + tag), text);
        assertTrue(text.indexOf("Summer fete") < text.indexOf("Garden notice"), "in the order they were held");
        assertEquals("programme.txt", attachmentName(mail));
        assertEquals(1, TestMailServer.received().stream().filter(m -> Mails.isFor(m, address)
                && Mails.subject(m).startsWith("Your digest")).count(), "one digest");

        // The relay took it: the digest's ACCEPTED is recorded with its block's results, and the held ones follow.
        Dispatching.await(() -> fixtures.delivery(digest).getStatus() == DeliveryStatus.ACCEPTED, Duration.ofSeconds(15),
                "the digest delivery to be ACCEPTED");
        assertEquals(DeliveryStatus.ACCEPTED, fixtures.delivery(first.deliveryId()).getStatus(),
                () -> fixtures.events(first.deliveryId()).stream().map(e -> e.getStatus() + " " + e.getDiagnostic()).toList().toString());
        assertEquals(DeliveryStatus.ACCEPTED, fixtures.delivery(second.deliveryId()).getStatus());
        fixtures.report(digest, new StatusChange(DeliveryStatus.DELIVERED, Instant.now(), "DSN", 250, "2.0.0",
                "delivered to mailbox", null, "test:" + UUID.randomUUID(), null, false));
        assertEquals(DeliveryStatus.DELIVERED, fixtures.delivery(first.deliveryId()).getStatus());
        assertEquals(DeliveryStatus.DELIVERED, fixtures.delivery(second.deliveryId()).getStatus());
        assertTrue(fixtures.events(second.deliveryId()).stream().anyMatch(e -> e.getStatus() == DeliveryStatus.DELIVERED
                && e.getDiagnostic().contains("digest delivery #" + digest)), "the held delivery's timeline names the digest");
        assertEquals(pref.nextDigestAt().plus(Duration.ofDays(1)), PreferenceCalls.call(as,
                () -> admin.view(account.id(), address)).nextDigestAt(), "the next turn is tomorrow's");
    }

    @Test
    void aFailedDigestFailsWhatItCarried() {
        PreferenceView pref = daily(false);
        DeliveryReceipt held = submit(Category.BULK, Priority.NORMAL, "Held " + UUID.randomUUID(), List.of());
        assertTrue(digests.run(pref.nextDigestAt()) >= 1);
        long digest = digestDeliveryOf(held.deliveryId());
        fixtures.report(digest, new StatusChange(DeliveryStatus.FAILED, Instant.now(), "DSN", 550, "5.2.2", "mailbox full",
                null, "test:" + UUID.randomUUID(), null, false));
        assertEquals(DeliveryStatus.FAILED, fixtures.delivery(held.deliveryId()).getStatus());
    }

    @Test
    void aRecipientWhoOptedOutWhileHeldGetsNoDigest() {
        PreferenceView pref = daily(false);
        DeliveryReceipt held = submit(Category.BULK, Priority.NORMAL, "Held " + UUID.randomUUID(), List.of());
        daily(true);
        digests.run(pref.nextDigestAt());
        assertEquals(DeliveryStatus.OPTED_OUT, fixtures.delivery(held.deliveryId()).getStatus());
        Dispatching.sweep();
        assertTrue(TestMailServer.received().stream().noneMatch(m -> Mails.isFor(m, address)));
    }

    @Test
    void aDigestChosenAfterSubmissionHoldsMailAtTheDispatcher() {
        DeliveryReceipt queued = submit(Category.BULK, Priority.NORMAL, "Queued " + UUID.randomUUID(), List.of());
        assertEquals(DeliveryStatus.PENDING, queued.status());
        daily(false);
        Dispatching.sweep();
        assertEquals(DeliveryStatus.PENDING_DIGEST, fixtures.delivery(queued.deliveryId()).getStatus());
        assertTrue(TestMailServer.received().stream().noneMatch(m -> Mails.isFor(m, address)));
    }

    private static String attachmentName(Part part) throws Exception {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = attachmentName(multipart.getBodyPart(i));
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        return Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) ? part.getFileName() : null;
    }
}
