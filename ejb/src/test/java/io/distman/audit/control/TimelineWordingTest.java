package io.distman.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.distman.message.entity.DeliveryStatus;
import org.junit.jupiter.api.Test;

/** The View's timeline says who told us and what happened in an agent's words, not our codes. */
class TimelineWordingTest {

    @Test
    void aProviderWebhookIsNamedByTheProvider() {
        assertEquals("Postmark reported \u201CFailed\u201D: HardBounce: smtp;550 5.1.1 no such user",
                TimelineWording.what(DeliveryStatus.FAILED, "WEBHOOK:postmark", "HardBounce: smtp;550 5.1.1 no such user", 0));
        assertEquals("Postmark", TimelineWording.by("WEBHOOK:postmark"));
        assertEquals("Amazon SES", TimelineWording.by("WEBHOOK:amazon-ses"));
    }

    @Test
    void aClaimSaysTheAttemptNotTheServerThatMadeIt() {
        assertEquals("Sending (attempt 1)", TimelineWording.what(DeliveryStatus.SENDING, "DISPATCH", "attempt 1 by vm/6/1d4873a5", 1));
        assertEquals("Sent now by anna (attempt 2)",
                TimelineWording.what(DeliveryStatus.SENDING, "USER", "attempt 2 by user:anna (send now)", 2));
        assertEquals(2, TimelineWording.attemptOf(DeliveryStatus.SENDING, "attempt 2 by user:anna (send now)"));
        assertEquals(0, TimelineWording.attemptOf(DeliveryStatus.PENDING, "retry now by anna after attempt 1"));
    }

    @Test
    void theAcceptanceNamesItsAttemptAndTheRelay() {
        assertEquals("Sent (attempt 1) through the mail relay: 250 2.0.0 Ok: queued as 4711",
                TimelineWording.what(DeliveryStatus.ACCEPTED, "SMTP", "250 2.0.0 Ok: queued as 4711", 1));
        assertEquals("Sent (attempt 3) through Mailgun", TimelineWording.what(DeliveryStatus.ACCEPTED, "MAILGUN", null, 3));
    }

    @Test
    void otherSourcesAreWords() {
        assertEquals("Returned mail reported \u201CFailed\u201D: 550 5.1.1 user unknown",
                TimelineWording.what(DeliveryStatus.FAILED, "DSN", "550 5.1.1 user unknown", 1));
        assertEquals("Returned mail", TimelineWording.by("DSN"));
        assertEquals("Submitted: no email address for this recipient",
                TimelineWording.what(DeliveryStatus.EMAIL_MISSING, "SUBMISSION", "no email address for this recipient", 0));
        assertEquals("Submitted", TimelineWording.what(DeliveryStatus.PENDING, "SUBMISSION", null, 0));
        assertEquals("Cancelled by anna", TimelineWording.what(DeliveryStatus.CANCELLED, "USER", "cancelled by anna", 0));
        assertEquals("Printed again (print 2) by anna",
                TimelineWording.what(DeliveryStatus.PRINTED, "PRINT", "printed again (print 2) by anna", 0));
        assertEquals("Postmark", TimelineWording.provider("postmark"));
        assertEquals("", TimelineWording.provider(null));
    }
}
