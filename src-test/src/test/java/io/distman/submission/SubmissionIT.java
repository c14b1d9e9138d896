package io.distman.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.message.entity.Category;
import io.distman.message.entity.DeliveryStatus;
import io.distman.message.entity.MessageView;
import io.distman.message.entity.Priority;
import io.distman.platform.entity.FieldError;
import io.distman.submission.entity.AttachmentInput;
import io.distman.submission.entity.RecipientInput;
import io.distman.submission.entity.SenderInput;
import io.distman.submission.entity.SubmissionRejectedException;
import io.distman.submission.entity.SubmitReceipt;
import io.distman.submission.entity.SubmitRequest;
import io.distman.testsupport.Deployments;
import io.distman.testsupport.RecordedEvents;
import io.distman.testsupport.ejb.Fixtures.TestAccount;
import io.distman.testsupport.ejb.Fixtures;
import io.distman.testsupport.ejb.TestModule;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Submitting: validation naming each field with nothing stored, pre-send statuses, idempotency, events. */
@ExtendWith(ArquillianExtension.class)
public class SubmissionIT {

    @Deployment
    public static EnterpriseArchive deployment() {
        return Deployments.ear(SubmissionIT.class);
    }

    @EJB
    TestModule manager;

    @EJB
    Fixtures fixtures;

    @Inject
    RecordedEvents events;

    @Resource
    UserTransaction tx;

    TestAccount account;

    @BeforeEach
    void newAccount() {
        account = fixtures.newAccount("submit");
    }

    private SubmitRequest.Builder valid() {
        return SubmitRequest.builder().account(account.code()).raisedBy("anna").source("demand", "4711")
                .category(Category.ESSENTIAL).sender("lettings@northside.example", "Northside Lettings")
                .to(Fixtures.address("olivia")).subject("Rent demand 4711").text("Please pay.");
    }

    @Test
    void aValidSubmissionIsArchivedQueuedAndAnnouncedAfterCommit() {
        SubmitReceipt receipt = manager.submit(valid().cc(Fixtures.address("cc")).bcc(Fixtures.address("bcc"))
                .html("<p>Please pay.</p>").build());

        assertFalse(receipt.duplicate());
        assertEquals(3, receipt.deliveries().size(), "one delivery per recipient, cc and bcc included");
        receipt.deliveries().forEach(d -> assertEquals(DeliveryStatus.PENDING, d.status()));
        MessageView view = manager.message(account.code(), receipt.messageId());
        assertEquals("demand", view.sourceModule());
        assertEquals("4711", view.sourceRef());
        assertNull(view.serialMailingId(), "one module's own mail is no serial mailing's");
        view.deliveries().forEach(d -> {
            assertEquals(1, d.timeline().size(), "the timeline starts with the submission");
            assertTrue(d.messageIdHeader().matches("<dm\\.[a-z2-7]+@northside\\.example>"), d.messageIdHeader());
        });
        assertEquals(1, events.submitted(receipt.messageId()).size());
        assertEquals(DeliveryStatus.PENDING, events.changes(receipt.deliveries().get(0).deliveryId()).get(0).current());
    }

    @Test
    void preSendOutcomesAreStatusesNotErrors() {
        String suppressed = Fixtures.address("bounced");
        fixtures.suppress(account.id(), suppressed, "HARD_BOUNCE");
        SubmitReceipt receipt = manager.submit(valid().to(List.of(
                new RecipientInput(null, "Amelia Taylor"),
                new RecipientInput("harry.davies@tenant", "Harry Davies"),
                new RecipientInput("ava..roberts@tenant.example", null),
                new RecipientInput(suppressed.toUpperCase(), null),
                new RecipientInput("jürgen@bücher.example", null),
                new RecipientInput(Fixtures.address("ok"), null))).build());

        List<DeliveryStatus> statuses = receipt.deliveries().stream().map(d -> d.status()).toList();
        assertEquals(List.of(DeliveryStatus.EMAIL_MISSING, DeliveryStatus.REJECTED, DeliveryStatus.REJECTED,
                DeliveryStatus.SUPPRESSED, DeliveryStatus.PENDING, DeliveryStatus.PENDING), statuses);
        assertTrue(receipt.deliveries().get(1).detail().contains("top level domain"), receipt.deliveries().get(1).detail());
        assertTrue(receipt.deliveries().get(3).detail().contains("HARD_BOUNCE"), receipt.deliveries().get(3).detail());
    }

    @Test
    void theSameIdempotencyKeyTwiceReturnsTheFirstSubmission() {
        SubmitRequest request = valid().idempotencyKey("demand:4711:" + account.code()).build();
        SubmitReceipt first = manager.submit(request);
        long messages = fixtures.count("message");
        SubmitReceipt second = manager.submit(request);

        assertTrue(second.duplicate());
        assertEquals(first.messageId(), second.messageId());
        assertEquals(first.deliveries().get(0).deliveryId(), second.deliveries().get(0).deliveryId());
        assertEquals(messages, fixtures.count("message"), "no second message");
        assertEquals(1, events.submitted(first.messageId()).size(), "announced once");
    }

    @Test
    void eachMalformedFieldIsNamedAndNothingIsStored() {
        long messages = fixtures.count("message");
        long deliveries = fixtures.count("delivery");
        long attachments = fixtures.count("attachment");

        assertRejected("subject", b -> b.subject(null));
        assertRejected("subject", b -> b.subject("Rent\r\nBcc: victim@example.org"));
        assertRejected("body", b -> b.text(null).html(" "));
        assertRejected("to[0].address", b -> b.to("tenant@example.org\r\nBcc: victim@example.org"));
        assertRejected("to", b -> b.to(new String[0]));
        assertRejected("sender.address", b -> b.sender("not-an-address", "X"));
        assertRejected("sender", b -> b.sender((SenderInput) null));
        assertRejected("raisedBy", b -> b.raisedBy(null));
        assertRejected("category", b -> b.category(null));
        assertRejected("account", b -> b.account(null));
        // An unknown account is refused like one the caller may not act for (CallerChecksIT), not told apart.
        assertThrows(io.distman.account.entity.AccountAccessDeniedException.class,
                () -> manager.submit(valid().account("no-such-agency").build()));
        assertRejected("textBody", b -> b.text("broken \uD800 surrogate"));
        assertRejected("headers[X-Case]", b -> b.headers(Map.of("X-Case", "1\nBcc: victim@example.org")));
        assertRejected("headers[Message-ID]", b -> b.headers(Map.of("Message-ID", "<forged@example.org>")));
        assertRejected("attachments[0].content", b -> b.attachments(List.of(
                new AttachmentInput("huge.pdf", "application/pdf", new byte[10 * 1024 * 1024 + 1]))));
        assertRejected("attachments[0].filename", b -> b.attachments(List.of(
                new AttachmentInput("../../etc/passwd", "application/pdf", new byte[] {1}))));
        assertRejected("attachments[0].contentType", b -> b.attachments(List.of(
                new AttachmentInput("a.pdf", "pdf", new byte[] {1}))));

        assertEquals(messages, fixtures.count("message"), "no message row left behind");
        assertEquals(deliveries, fixtures.count("delivery"), "no delivery row left behind");
        assertEquals(attachments, fixtures.count("attachment"), "no attachment row left behind");
    }

    @Test
    void allErrorsOfOneRequestAreReportedTogether() {
        SubmissionRejectedException e = assertThrows(SubmissionRejectedException.class,
                () -> manager.submit(valid().subject(null).text(null).raisedBy(null).build()));
        assertEquals(List.of("raisedBy", "subject", "body"), e.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void aSubmissionInsideACallersRolledBackTransactionLeavesNothingAndAnnouncesNothing() throws Exception {
        long messages = fixtures.count("message");
        tx.begin();
        SubmitReceipt receipt = manager.submit(valid().build());
        tx.rollback();

        assertEquals(messages, fixtures.count("message"));
        assertTrue(events.submitted(receipt.messageId()).isEmpty(), "no event for a rolled-back submission");
        assertTrue(events.changes(receipt.deliveries().get(0).deliveryId()).isEmpty());
    }

    @Test
    void attachmentsAreStoredOncePerContent() {
        byte[] pdf = "%PDF-1.4 the same letter".getBytes();
        long before = fixtures.count("attachment");
        manager.submit(valid().attachments(List.of(new AttachmentInput("a.pdf", "application/pdf", pdf))).build());
        manager.submit(valid().attachments(List.of(new AttachmentInput("b.pdf", "application/pdf", pdf),
                new AttachmentInput("c.pdf", "application/pdf", pdf))).build());
        assertEquals(before + 1, fixtures.count("attachment"));
    }

    @Test
    void anotherAccountsMessageIsNotFound() {
        SubmitReceipt receipt = manager.submit(valid().priority(Priority.NORMAL).build());
        TestAccount other = fixtures.newAccount("other");
        assertThrows(io.distman.platform.entity.NotFoundException.class, () -> manager.message(other.code(), receipt.messageId()));
        assertNotEquals(other.code(), account.code());
    }

    private void assertRejected(String field, UnaryOperator<SubmitRequest.Builder> change) {
        SubmissionRejectedException e = assertThrows(SubmissionRejectedException.class,
                () -> manager.submit(change.apply(valid()).build()), field);
        assertTrue(e.errors().stream().anyMatch(error -> error.field().equals(field)),
                () -> "expected an error on " + field + " but got " + e.errors());
    }
}
