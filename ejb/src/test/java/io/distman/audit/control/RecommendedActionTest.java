package io.distman.audit.control;

import static io.distman.message.entity.DeliveryStatus.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.message.entity.DeliveryStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RecommendedActionTest {

    private static String advice(DeliveryStatus status, String code, String diagnostic) {
        return RecommendedAction.forDelivery(status, code, diagnostic, null, null).orElse("");
    }

    @Test
    void aWrongAddressAsksToCheckTheSpellingOrPhone() {
        assertEquals(RecommendedAction.CHECK_SPELLING, advice(FAILED, "5.1.1", "550 5.1.1 <x@y>: Recipient address rejected"));
        assertEquals(RecommendedAction.CHECK_SPELLING, advice(FAILED, "5.1.2", null));
        assertEquals(RecommendedAction.CHECK_SPELLING, advice(FAILED, null, "smtp; 550 userunknown"));
        assertEquals(RecommendedAction.CHECK_SPELLING, advice(FAILED, "", "Host unknown: example.invalid"));
        assertTrue(advice(FAILED, "5.1.1", null).contains("phone"));
    }

    @Test
    void blockedOrSpamAsksToAllowTheSender() {
        assertEquals(RecommendedAction.ALLOW_SENDER, advice(FAILED, "5.7.1", "550 5.7.1 Message rejected"));
        assertEquals(RecommendedAction.ALLOW_SENDER, advice(FAILED, null, "554 blocked by recipient's spam filter"));
        assertTrue(advice(COMPLAINED, null, null).contains("whitelist"));
    }

    @Test
    void aFullMailboxMeansRetryLater() {
        assertEquals(RecommendedAction.RETRY_LATER, advice(FAILED, "5.2.2", "552 5.2.2 Mailbox full"));
        assertEquals(RecommendedAction.RETRY_LATER, advice(FAILED, null, "user is over quota"));
        assertTrue(advice(TEMPORARY_FAILURE, "4.2.2", null).contains("mailbox is full"));
    }

    @Test
    void aTemporaryFailureIsRetriedUntilTheMaximumAge() {
        Instant until = Instant.parse("2026-11-26T10:00:00Z");
        String advice = RecommendedAction.forDelivery(TEMPORARY_FAILURE, "4.4.1", "timeout", until, null).orElseThrow();
        assertTrue(advice.contains("retried automatically until 2026-11-26T10:00:00Z"), advice);
    }

    @Test
    void eachUnsendableStatusSaysWhatToDo() {
        assertTrue(advice(EMAIL_MISSING, null, null).contains("record one"));
        assertTrue(advice(REJECTED, null, null).contains("correct"));
        assertTrue(advice(UNSUBSCRIBED, null, null).contains("TRANSACTIONAL and ESSENTIAL"));
        String suppressed = RecommendedAction.forDelivery(SUPPRESSED, null, null, null, "HARD_BOUNCE").orElseThrow();
        assertTrue(suppressed.contains("HARD_BOUNCE") && suppressed.contains("support can remove"), suppressed);
    }

    @Test
    void mailThatWentWellNeedsNoAction() {
        for (DeliveryStatus ok : new DeliveryStatus[] {PENDING, ACCEPTED, DELIVERED, OPENED, CLICKED, CANCELLED}) {
            assertTrue(RecommendedAction.forDelivery(ok, null, null, null, null).isEmpty(), ok.name());
        }
    }

    @Test
    void anUnclassifiedFailurePointsAtTheDiagnostic() {
        assertTrue(advice(FAILED, "5.3.0", "something odd").contains("diagnostic"));
    }
}
