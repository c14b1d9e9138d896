package io.distman.dispatch.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.dispatch.entity.SendOutcome;
import io.distman.dispatch.entity.SendResult;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MailgunRepliesTest {

    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");

    @Test
    void queuedIsAcceptedWithMailgunsIdStoredBare() {
        SendResult r = MailgunReplies.of(9, 200,
                null, "{\n  \"id\": \"<20261123080000.1.ABCD@mg.northside.example>\",\n  \"message\": \"Queued. Thank you.\"\n}", NOW);
        assertEquals(SendOutcome.ACCEPTED, r.outcome());
        assertEquals("20261123080000.1.ABCD@mg.northside.example", r.providerMessageId());
        assertEquals("mailgun", r.provider());
        assertEquals("Mailgun HTTP 200: Queued. Thank you.", r.reply());
        assertNull(r.smtpCode(), "an HTTP status is no SMTP reply code");
        assertEquals(9, r.deliveryId());
        assertEquals(NOW, r.at());
    }

    @Test
    void aSuccessWithoutReadableBodyIsStillAccepted() {
        SendResult r = MailgunReplies.of(9, 200, null, "Queued", NOW);
        assertEquals(SendOutcome.ACCEPTED, r.outcome());
        assertNull(r.providerMessageId());
    }

    @Test
    void aBadRequestOrATooLargeMessageIsRejectedForGood() {
        SendResult bad = MailgunReplies.of(9, 400, null, "{\"message\": \"'to' parameter is not a valid address. please check documentation\"}", NOW);
        assertEquals(SendOutcome.REJECTED, bad.outcome());
        assertEquals("Mailgun HTTP 400: 'to' parameter is not a valid address. please check documentation", bad.reply());
        assertNull(bad.retryNotBefore());
        assertEquals(SendOutcome.REJECTED, MailgunReplies.of(9, 413, "60", "<html>Request Entity Too Large</html>", NOW).outcome());
    }

    @Test
    void wrongCredentialsOrAnUnknownDomainWaitForAnAdmin() {
        for (int status : new int[] {401, 403, 404}) {
            SendResult r = MailgunReplies.of(9, status, null, "Forbidden", NOW);
            assertEquals(SendOutcome.TEMPORARY_FAILURE, r.outcome(), "HTTP " + status);
            assertTrue(MailgunReplies.needsAnAdmin(status));
            assertTrue(MailgunReplies.concernsTheAccount(status));
        }
        assertEquals("Mailgun HTTP 401: Forbidden", MailgunReplies.of(9, 401, null, "Forbidden", NOW).reply());
    }

    @Test
    void rateLimitsAndServerErrorsAreRetriedNoSoonerThanRetryAfter() {
        SendResult limited = MailgunReplies.of(9, 429, "120", "{\"message\": \"Too many requests\"}", NOW);
        assertEquals(SendOutcome.TEMPORARY_FAILURE, limited.outcome());
        assertEquals(NOW.plusSeconds(120), limited.retryNotBefore());
        assertTrue(MailgunReplies.concernsTheAccount(429));
        assertFalse(MailgunReplies.needsAnAdmin(429));

        SendResult down = MailgunReplies.of(9, 503, "Mon, 23 Nov 2026 08:30:00 GMT", "", NOW);
        assertEquals(SendOutcome.TEMPORARY_FAILURE, down.outcome());
        assertEquals(Instant.parse("2026-11-23T08:30:00Z"), down.retryNotBefore());
        assertEquals("Mailgun HTTP 503", down.reply());

        SendResult error = MailgunReplies.of(9, 500, "soon", "{\"message\": \"Internal Server Error\"}", NOW);
        assertEquals(SendOutcome.TEMPORARY_FAILURE, error.outcome());
        assertNull(error.retryNotBefore(), "an unreadable Retry-After is ignored");
        assertFalse(MailgunReplies.concernsTheAccount(500), "one server error says nothing about the next request");
    }

    @Test
    void anythingUnexpectedIsTemporaryNeverLost() {
        assertEquals(SendOutcome.TEMPORARY_FAILURE, MailgunReplies.of(9, 402, null, "Request failed", NOW).outcome());
        assertEquals(SendOutcome.TEMPORARY_FAILURE, MailgunReplies.of(9, 301, null, "", NOW).outcome());
    }

    @Test
    void noAnswerIsTemporary() {
        SendResult refused = MailgunReplies.fault(9, new ConnectException("Connection refused"), NOW);
        assertEquals(SendOutcome.TEMPORARY_FAILURE, refused.outcome());
        assertEquals("Mailgun no answer: Connection refused", refused.reply());
        SendResult slow = MailgunReplies.fault(9, new HttpTimeoutException("request timed out"), NOW);
        assertEquals(SendOutcome.TEMPORARY_FAILURE, slow.outcome());
        assertTrue(slow.reply().startsWith("Mailgun no answer in time"), slow.reply());
    }

    @Test
    void readsRetryAfterInBothForms() {
        assertEquals(NOW.plusSeconds(5), MailgunReplies.retryAt(" 5 ", NOW));
        assertEquals(Instant.parse("1994-11-06T08:49:37Z"), MailgunReplies.retryAt("Sun, 06 Nov 1994 08:49:37 GMT", NOW));
        assertNull(MailgunReplies.retryAt("-3", NOW));
        assertNull(MailgunReplies.retryAt(null, NOW));
    }
}
