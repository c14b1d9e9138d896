package io.distman.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.message.entity.Category;
import io.distman.message.entity.Delivery;
import io.distman.message.entity.DeliveryEvent;
import io.distman.message.entity.DeliveryStatus;
import io.distman.submission.entity.SubmitRequest;
import io.distman.testsupport.Deployments;
import io.distman.testsupport.Dispatching;
import io.distman.testsupport.Mails;
import io.distman.testsupport.SmtpSink;
import io.distman.testsupport.TestMailServer;
import io.distman.testsupport.ejb.Fixtures.TestAccount;
import io.distman.testsupport.ejb.Fixtures;
import io.distman.testsupport.ejb.TestModule;
import jakarta.ejb.EJB;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Faults from a real SMTP server (Postfix's smtp-sink with injected rejections, as the account's relay):
 * 4xx is retried on the back-off schedule until it succeeds, 5xx fails at once, and a delivery too old
 * to retry fails for good.
 */
@ExtendWith(ArquillianExtension.class)
public class RetryIT {

    private static final int SINK_PORT = 2527;

    @Deployment
    public static EnterpriseArchive deployment() {
        return Deployments.ear(RetryIT.class);
    }

    @EJB
    TestModule manager;

    @EJB
    Fixtures fixtures;

    TestAccount account;

    @BeforeEach
    void setUp() {
        TestMailServer.reset();
        account = fixtures.newAccount("retry");
    }

    @AfterEach
    void restoreSettings() {
        System.clearProperty("distman.retry.maxAge");
        System.clearProperty("distman.dispatch.sendDeadline");
    }

    private long submit(String to) {
        return manager.submit(SubmitRequest.builder().account(account.code()).raisedBy("adam").source("credit-control", "301")
                .category(Category.TRANSACTIONAL).sender("credit@northside.example", "Credit Control").to(to)
                .subject("Payment reminder").text("Please pay.").build()).deliveries().get(0).deliveryId();
    }

    @Test
    void softRejectionsAreRetriedWithGrowingBackOffUntilTheServerTakesIt() {
        String to = Fixtures.address("jack");
        long id = submit(to);
        fixtures.useRelay(account.id(), "127.0.0.1", SINK_PORT);
        List<Duration> expected = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15));
        try (SmtpSink sink = SmtpSink.start(SINK_PORT, "-r", "RCPT")) {
            for (int attempt = 1; attempt <= expected.size(); attempt++) {
                if (attempt > 1) {
                    fixtures.makeDue(id);
                }
                Dispatching.sweep();
                Delivery d = fixtures.delivery(id);
                assertEquals(DeliveryStatus.TEMPORARY_FAILURE, d.getStatus(), d.getStatusDetail());
                assertEquals(attempt, d.getAttempts());
                assertEquals(450, d.getSmtpCode());
                assertEquals("4.3.0", d.getEnhancedCode());
                Duration wait = Duration.between(d.getStatusAt(), d.getNextAttemptAt());
                Duration want = expected.get(attempt - 1);
                assertTrue(Math.abs(wait.minus(want).toMillis()) < 5000, "attempt " + attempt + ": waits " + wait + ", not " + want);
                assertNull(d.getClaimOwner(), "the lease is released after the attempt");
            }
        }
        fixtures.useRelay(account.id(), "127.0.0.1", TestMailServer.SMTP_PORT);
        fixtures.makeDue(id);
        Dispatching.sweep();

        Delivery d = fixtures.delivery(id);
        assertEquals(DeliveryStatus.ACCEPTED, d.getStatus(), d.getStatusDetail());
        assertEquals(4, d.getAttempts());
        assertEquals(1, TestMailServer.received().stream().filter(m -> Mails.isFor(m, to)).count(), "sent exactly once");
        assertEquals(List.of(DeliveryStatus.PENDING, DeliveryStatus.SENDING, DeliveryStatus.TEMPORARY_FAILURE,
                        DeliveryStatus.SENDING, DeliveryStatus.TEMPORARY_FAILURE, DeliveryStatus.SENDING,
                        DeliveryStatus.TEMPORARY_FAILURE, DeliveryStatus.SENDING, DeliveryStatus.ACCEPTED),
                fixtures.events(id).stream().map(DeliveryEvent::getStatus).toList());
    }

    @Test
    void aHardRejectionFailsAtOnceWithTheServersReply() {
        long id = submit(Fixtures.address("gone"));
        fixtures.useRelay(account.id(), "127.0.0.1", SINK_PORT);
        try (SmtpSink sink = SmtpSink.start(SINK_PORT, "-f", "RCPT")) {
            Dispatching.sweep();
        }
        Delivery d = fixtures.delivery(id);
        assertEquals(DeliveryStatus.FAILED, d.getStatus());
        assertEquals(500, d.getSmtpCode());
        assertEquals("5.3.0", d.getEnhancedCode());
        assertTrue(d.getStatusDetail().contains("500"), d.getStatusDetail());
        assertNull(d.getNextAttemptAt(), "never retried");
        assertEquals(1, d.getAttempts());
    }

    @Test
    void aConnectionFaultIsTemporary() {
        long id = submit(Fixtures.address("down"));
        fixtures.useRelay(account.id(), "127.0.0.1", 2599); // nothing listens there
        Dispatching.sweep();
        Delivery d = fixtures.delivery(id);
        assertEquals(DeliveryStatus.TEMPORARY_FAILURE, d.getStatus());
        assertTrue(d.getStatusDetail().contains("No connection to the relay 127.0.0.1:2599"), d.getStatusDetail());
    }

    @Test
    void aRelayThatHangsUpWithoutAReplyIsTemporaryAndTheNextMailReconnects() {
        long first = submit(Fixtures.address("eof1"));
        long second = submit(Fixtures.address("eof2"));
        fixtures.useRelay(account.id(), "127.0.0.1", SINK_PORT);
        try (SmtpSink sink = SmtpSink.start(SINK_PORT, "-q", "RCPT")) { // disconnects after RCPT, without a reply
            Dispatching.sweep();
        }
        for (long id : List.of(first, second)) {
            Delivery d = fixtures.delivery(id);
            assertEquals(DeliveryStatus.TEMPORARY_FAILURE, d.getStatus(), "no reply is no refusal: " + d.getStatusDetail());
            assertNull(d.getSmtpCode(), d.getStatusDetail());
            assertTrue(d.getStatusDetail().contains("closed the connection without a reply"), d.getStatusDetail());
            assertFalse(d.getStatusDetail().contains("Broken pipe"), "each mail had a fresh connection: " + d.getStatusDetail());
            assertEquals(1, d.getAttempts());
        }
    }

    @Test
    void aSendPastItsDeadlineIsCutOffAndRetried() {
        long id = submit(Fixtures.address("drip"));
        fixtures.useRelay(account.id(), "127.0.0.1", SINK_PORT);
        System.setProperty("distman.dispatch.sendDeadline", "PT1S");
        try (SmtpSink sink = SmtpSink.start(SINK_PORT, "-w", "5")) { // 5 s before answering DATA
            Dispatching.sweep();
        }
        Delivery d = fixtures.delivery(id);
        assertEquals(DeliveryStatus.TEMPORARY_FAILURE, d.getStatus(), d.getStatusDetail());
        assertTrue(d.getStatusDetail().contains("did not complete the transaction within 1 s"), d.getStatusDetail());
        assertNull(d.getLeaseUntil(), "released for its retry");
    }

    @Test
    void aDeliveryOlderThanTheMaximumAgeFailsInsteadOfRetrying() {
        long id = submit(Fixtures.address("late"));
        fixtures.useRelay(account.id(), "127.0.0.1", SINK_PORT);
        System.setProperty("distman.retry.maxAge", "PT30S");
        try (SmtpSink sink = SmtpSink.start(SINK_PORT, "-r", "RCPT")) {
            Dispatching.sweep();
        }
        Delivery d = fixtures.delivery(id);
        assertEquals(DeliveryStatus.FAILED, d.getStatus());
        assertTrue(d.getStatusDetail().startsWith("gave up after 1 attempts"), d.getStatusDetail());
        assertNull(d.getNextAttemptAt());
    }
}
