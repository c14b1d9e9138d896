package io.distman.suppression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.message.entity.Category;
import io.distman.message.entity.DeliveryStatus;
import io.distman.message.entity.StatusChange;
import io.distman.submission.entity.DeliveryReceipt;
import io.distman.submission.entity.SubmitRequest;
import io.distman.testsupport.Deployments;
import io.distman.testsupport.Dispatching;
import io.distman.testsupport.TestMailServer;
import io.distman.testsupport.ejb.Fixtures.TestAccount;
import io.distman.testsupport.ejb.Fixtures;
import io.distman.testsupport.ejb.TestModule;
import jakarta.ejb.EJB;
import java.time.Instant;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The suppression list follows what happens to deliveries: hard bounces and complaints stop all mail
 * to the address, an unsubscribe only BULK mail, three soft failures suspend it, a delivery clears
 * the soft count, and mail already queued is not sent once its address is suppressed.
 */
@ExtendWith(ArquillianExtension.class)
public class SuppressionIT {

    @Deployment
    public static EnterpriseArchive deployment() {
        return Deployments.ear(SuppressionIT.class);
    }

    @EJB
    TestModule manager;

    @EJB
    Fixtures fixtures;

    TestAccount account;
    String address;

    @BeforeEach
    void setUp() {
        TestMailServer.reset();
        account = fixtures.newAccount("suppress");
        address = Fixtures.address("tenant");
    }

    private DeliveryReceipt submit(Category category, String to) {
        return manager.submit(SubmitRequest.builder().account(account.code()).raisedBy("anna").category(category)
                .sender("lettings@northside.example", "Northside").to(to).subject("Letter").text("Text.").build())
                .deliveries().get(0);
    }

    private void report(long delivery, DeliveryStatus status, String enhancedCode) {
        fixtures.report(delivery, new StatusChange(status, Instant.now(), "DSN", 550, enhancedCode, "test " + status, null,
                "test:" + UUID.randomUUID(), null, false));
    }

    @Test
    void aHardBounceSuppressesTheAddressForEveryCategory() {
        report(submit(Category.TRANSACTIONAL, address).deliveryId(), DeliveryStatus.FAILED, "5.1.1");
        DeliveryReceipt next = submit(Category.ESSENTIAL, address.toUpperCase());
        assertEquals(DeliveryStatus.SUPPRESSED, next.status());
        assertTrue(next.detail().contains("HARD_BOUNCE"), next.detail());
    }

    @Test
    void aFullMailboxIsSoftAndThreeSoftFailuresSuspendTheAddress() {
        report(submit(Category.BULK, address).deliveryId(), DeliveryStatus.FAILED, "5.2.2");
        report(submit(Category.BULK, address).deliveryId(), DeliveryStatus.FAILED, "5.2.2");
        assertEquals(DeliveryStatus.PENDING, submit(Category.BULK, address).status(), "two soft failures are not enough");
        report(submit(Category.BULK, address).deliveryId(), DeliveryStatus.FAILED, "4.2.2");
        DeliveryReceipt suspended = submit(Category.TRANSACTIONAL, address);
        assertEquals(DeliveryStatus.SUPPRESSED, suspended.status());
        assertTrue(suspended.detail().contains("SOFT_BOUNCE"), suspended.detail());
    }

    @Test
    void aDeliveryInBetweenClearsTheSoftCount() {
        report(submit(Category.BULK, address).deliveryId(), DeliveryStatus.FAILED, "5.2.2");
        report(submit(Category.BULK, address).deliveryId(), DeliveryStatus.FAILED, "5.2.2");
        report(submit(Category.BULK, address).deliveryId(), DeliveryStatus.DELIVERED, null);
        report(submit(Category.BULK, address).deliveryId(), DeliveryStatus.FAILED, "5.2.2");
        assertEquals(DeliveryStatus.PENDING, submit(Category.BULK, address).status());
    }

    @Test
    void anUnsubscribeStopsBulkMailButNotTransactionalOrEssential() {
        report(submit(Category.BULK, address).deliveryId(), DeliveryStatus.UNSUBSCRIBED, null);
        assertEquals(DeliveryStatus.SUPPRESSED, submit(Category.BULK, address).status());
        assertEquals(DeliveryStatus.PENDING, submit(Category.TRANSACTIONAL, address).status());
        assertEquals(DeliveryStatus.PENDING, submit(Category.ESSENTIAL, address).status());
    }

    @Test
    void aComplaintAfterAnUnsubscribeWidensItAndALaterUnsubscribeNeverNarrowsIt() {
        long first = submit(Category.BULK, address).deliveryId();
        long complained = submit(Category.TRANSACTIONAL, address).deliveryId();
        long late = submit(Category.BULK, address).deliveryId();
        report(first, DeliveryStatus.UNSUBSCRIBED, null);
        assertEquals(DeliveryStatus.PENDING, submit(Category.TRANSACTIONAL, address).status());
        report(complained, DeliveryStatus.COMPLAINED, null);
        assertEquals(DeliveryStatus.SUPPRESSED, submit(Category.TRANSACTIONAL, address).status());
        report(late, DeliveryStatus.UNSUBSCRIBED, null);
        assertEquals(DeliveryStatus.SUPPRESSED, submit(Category.ESSENTIAL, address).status(), "still every category");
    }

    @Test
    void queuedMailIsNotSentOnceItsAddressIsSuppressed() {
        long queued = submit(Category.TRANSACTIONAL, address).deliveryId();
        report(submit(Category.TRANSACTIONAL, address).deliveryId(), DeliveryStatus.COMPLAINED, null);
        Dispatching.sweep();
        assertEquals(DeliveryStatus.SUPPRESSED, fixtures.delivery(queued).getStatus());
        assertTrue(TestMailServer.received().isEmpty() || TestMailServer.received().stream().noneMatch(m ->
                io.distman.testsupport.Mails.isFor(m, address)));
    }
}
