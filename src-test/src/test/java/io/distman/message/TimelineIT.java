package io.distman.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.message.boundary.DeliveryStatusChanged;
import io.distman.message.entity.Category;
import io.distman.message.entity.DeliveryStatus;
import io.distman.message.entity.StatusChange;
import io.distman.submission.entity.SubmitRequest;
import io.distman.testsupport.Deployments;
import io.distman.testsupport.RecordedEvents;
import io.distman.testsupport.ejb.Fixtures.TestAccount;
import io.distman.testsupport.ejb.Fixtures;
import io.distman.testsupport.ejb.TestModule;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The one status method on the database: late and repeated reports, as webhooks and bounces deliver them. */
@ExtendWith(ArquillianExtension.class)
public class TimelineIT {

    @Deployment
    public static EnterpriseArchive deployment() {
        return Deployments.ear(TimelineIT.class);
    }

    @EJB
    TestModule manager;

    @EJB
    Fixtures fixtures;

    @Inject
    RecordedEvents events;

    TestAccount account;
    long delivery;
    Instant t0;

    @BeforeEach
    void submit() {
        account = fixtures.newAccount("timeline");
        delivery = manager.submit(SubmitRequest.builder().account(account.code()).raisedBy("anna").category(Category.BULK)
                .sender("news@northside.example", null).to(Fixtures.address("t")).subject("News").text("News.").build())
                .deliveries().get(0).deliveryId();
        t0 = Instant.now().plusSeconds(60);
    }

    private boolean report(DeliveryStatus status, Instant at, String key) {
        return fixtures.report(delivery, new StatusChange(status, at, "WEBHOOK:test", null, null, "test", "test",
                key + ":" + delivery, null, false));
    }

    @Test
    void aLateDeliveredNeverMovesAnOpenedBack() {
        report(DeliveryStatus.ACCEPTED, t0, "accepted");
        report(DeliveryStatus.OPENED, t0.plusSeconds(20), "opened");
        report(DeliveryStatus.DELIVERED, t0.plusSeconds(10), "delivered");
        assertEquals(DeliveryStatus.OPENED, fixtures.delivery(delivery).getStatus());
        assertEquals(4, fixtures.events(delivery).size(), "every report is kept in the timeline");
    }

    @Test
    void aBounceAfterDeliveredBecomesFailedWithItsCodes() {
        report(DeliveryStatus.DELIVERED, t0, "delivered");
        fixtures.report(delivery, new StatusChange(DeliveryStatus.FAILED, t0.plusSeconds(30), "DSN", 550, "5.1.1",
                "550 5.1.1 user unknown", null, "dsn:" + delivery, null, false));
        var d = fixtures.delivery(delivery);
        assertEquals(DeliveryStatus.FAILED, d.getStatus());
        assertEquals("5.1.1", d.getEnhancedCode());
        List<DeliveryStatusChanged> changes = events.changes(delivery);
        assertEquals(DeliveryStatus.FAILED, changes.get(changes.size() - 1).current());
        assertEquals(DeliveryStatus.DELIVERED, changes.get(changes.size() - 1).previous());
    }

    @Test
    void anEventSeenTwiceIsStoredOnce() {
        assertTrue(report(DeliveryStatus.DELIVERED, t0, "provider-event-1"));
        assertFalse(report(DeliveryStatus.DELIVERED, t0, "provider-event-1"));
        assertEquals(2, fixtures.events(delivery).size(), "submission + one delivered");
        assertEquals(2, events.changes(delivery).size(), "announced once: PENDING then DELIVERED");
    }

    @Test
    void aMachineOpenIsKeptInTheTimelineButDoesNotCountAsOpened() {
        report(DeliveryStatus.DELIVERED, t0, "delivered");
        fixtures.report(delivery, new StatusChange(DeliveryStatus.OPENED, t0.plusSeconds(2), "WEBHOOK:test", null, null,
                "Apple Mail Privacy Protection", "test", "mpp:" + delivery, null, true));
        assertEquals(DeliveryStatus.DELIVERED, fixtures.delivery(delivery).getStatus());
        assertTrue(fixtures.events(delivery).stream().anyMatch(e -> e.isMachine() && e.getStatus() == DeliveryStatus.OPENED));
    }

    @Test
    void aComplaintOutranksEverything() {
        report(DeliveryStatus.COMPLAINED, t0, "complaint");
        report(DeliveryStatus.CLICKED, t0.plusSeconds(60), "click");
        report(DeliveryStatus.UNSUBSCRIBED, t0.plusSeconds(90), "unsubscribe");
        assertEquals(DeliveryStatus.COMPLAINED, fixtures.delivery(delivery).getStatus());
    }
}
