package io.distman.feedback.control.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.feedback.entity.ProviderEvent;
import io.distman.feedback.entity.WebhookRejectedException;
import io.distman.message.entity.DeliveryStatus;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SendGridEventParserTest {

    private static final Instant SIGNED_AT = Instant.ofEpochSecond(Long.parseLong(CorpusTest.SENDGRID_TIMESTAMP));
    private static final byte[] SIGNED_BODY = Corpus.bytes(CorpusTest.SENDGRID_SIGNED_FILE);

    private final SendGridEventParser parser = verifyingAt(SIGNED_AT.plusSeconds(10));
    private final SendGridEventParser unverified = new SendGridEventParser(RequestAuthenticator.insecureAcceptAll());

    @Test
    void publishedTestVectorVerifies() throws Exception {
        List<ProviderEvent> events = parser.parse(SIGNED_BODY, CorpusTest.sendGridHeaders());
        assertEquals("test_event", events.get(0).eventType());
        assertNull(events.get(0).status());
    }

    @Test
    void alteredBodyIsRejected() {
        byte[] altered = Arrays.copyOf(SIGNED_BODY, SIGNED_BODY.length + 1);
        altered[altered.length - 1] = '\n';
        assertThrows(WebhookRejectedException.class, () -> parser.parse(altered, CorpusTest.sendGridHeaders()));

        byte[] swapped = new String(SIGNED_BODY, StandardCharsets.UTF_8).replace("test_event", "bounce")
                .getBytes(StandardCharsets.UTF_8);
        assertThrows(WebhookRejectedException.class, () -> parser.parse(swapped, CorpusTest.sendGridHeaders()));
    }

    @Test
    void badSignatureHeadersAreRejected() {
        Map<String, String> otherTimestamp = new HashMap<>(CorpusTest.sendGridHeaders());
        otherTimestamp.put("x-twilio-email-event-webhook-timestamp", String.valueOf(SIGNED_AT.getEpochSecond() + 1));
        assertThrows(WebhookRejectedException.class, () -> parser.parse(SIGNED_BODY, otherTimestamp));

        Map<String, String> garbled = new HashMap<>(CorpusTest.sendGridHeaders());
        garbled.put("x-twilio-email-event-webhook-signature", "MEUCIQ==");
        assertThrows(WebhookRejectedException.class, () -> parser.parse(SIGNED_BODY, garbled));

        Map<String, String> notBase64 = new HashMap<>(CorpusTest.sendGridHeaders());
        notBase64.put("x-twilio-email-event-webhook-signature", "%%%");
        assertThrows(WebhookRejectedException.class, () -> parser.parse(SIGNED_BODY, notBase64));

        assertThrows(WebhookRejectedException.class, () -> parser.parse(SIGNED_BODY, Map.of()));
    }

    @Test
    void staleSignatureIsRejected() {
        SendGridEventParser later = verifyingAt(SIGNED_AT.plus(Duration.ofMinutes(6)));
        assertThrows(WebhookRejectedException.class, () -> later.parse(SIGNED_BODY, CorpusTest.sendGridHeaders()));
    }

    @Test
    void machineOpenIsFlaggedButStaysAnOpen() throws Exception {
        ProviderEvent event = unverified.parse(json("""
                [{"email":"Someone@Example.com","timestamp":1700000000,"event":"open","sg_machine_open":true,
                  "sg_event_id":"ev-1","sg_message_id":"msg.filter.1","useragent":"Mozilla/5.0"}]"""), Map.of()).get(0);
        assertEquals(DeliveryStatus.OPENED, event.status());
        assertTrue(event.machine());
        assertEquals("someone@example.com", event.recipient());
        assertEquals(Instant.ofEpochSecond(1700000000), event.occurredAt());

        ProviderEvent human = unverified.parse(Corpus.bytes("sendgrid/sg-anymail-open.json"), Map.of()).get(0);
        assertFalse(human.machine());
    }

    @Test
    void customArgumentCarriesDeliveryId() throws Exception {
        ProviderEvent event = unverified.parse(json("""
                [{"email":"a@example.com","timestamp":1700000000,"event":"delivered","distman-delivery-id":"123",
                  "sg_event_id":"ev-2","sg_message_id":"msg.filter.2","response":"250 2.0.0 OK"}]"""), Map.of()).get(0);
        assertEquals("123", event.deliveryToken());
        assertEquals("ev-2", event.eventId());
    }

    @Test
    void bounceCodesComeFromStatusAndReason() throws Exception {
        ProviderEvent event = unverified.parse(Corpus.bytes("sendgrid/sg-anymail-bounce.json"), Map.of()).get(0);
        assertEquals(DeliveryStatus.FAILED, event.status());
        assertEquals(550, event.smtpCode());
        assertEquals("5.1.1", event.enhancedCode());
        assertEquals("bounce", event.reason());

        ProviderEvent blocked = unverified.parse(Corpus.bytes("sendgrid/sg-docs-bounce-blocked.json"), Map.of()).get(0);
        assertEquals(DeliveryStatus.TEMPORARY_FAILURE, blocked.status());
        assertEquals("blocked", blocked.reason());
    }

    @Test
    void batchKeepsOrder() throws Exception {
        List<ProviderEvent> events = unverified.parse(Corpus.bytes("sendgrid/sg-docs-batch-all-events.json"), Map.of());
        assertEquals(List.of("processed", "deferred", "delivered", "open", "click", "bounce", "dropped", "spamreport",
                "unsubscribe", "group_unsubscribe", "group_resubscribe"), events.stream().map(ProviderEvent::eventType).toList());
    }

    @Test
    void malformedBodiesAreReportedAsSuch() {
        assertThrows(MalformedWebhookException.class, () -> unverified.parse(json("[{\"event\":"), Map.of()));
        assertThrows(MalformedWebhookException.class, () -> unverified.parse(json("[1, 2]"), Map.of()));
        assertThrows(MalformedWebhookException.class, () -> unverified.parse(new byte[0], Map.of()));
    }

    @Test
    void signatureIsCheckedBeforeTheBodyIsParsed() {
        assertThrows(WebhookRejectedException.class, () -> parser.parse(json("[{\"event\":"), CorpusTest.sendGridHeaders()));
    }

    private static SendGridEventParser verifyingAt(Instant now) {
        return new SendGridEventParser(SendGridSignatureVerifier.fromBase64(CorpusTest.SENDGRID_PUBLIC_KEY,
                FreshnessCheck.defaultWindow(Clock.fixed(now, java.time.ZoneOffset.UTC))));
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
