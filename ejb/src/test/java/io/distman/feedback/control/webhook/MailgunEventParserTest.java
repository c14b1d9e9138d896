package io.distman.feedback.control.webhook;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.feedback.entity.ProviderEvent;
import io.distman.feedback.entity.WebhookRejectedException;
import io.distman.message.entity.DeliveryStatus;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class MailgunEventParserTest {

    private static final String KEY = CorpusTest.MAILGUN_KEY;
    private static final String TIMESTAMP = "1534110422";
    private static final Instant SIGNED_AT = Instant.ofEpochSecond(Long.parseLong(TIMESTAMP));

    private final MutableClock clock = new MutableClock(SIGNED_AT.plusSeconds(5));
    private final MailgunEventParser parser = new MailgunEventParser(new MailgunSignatureVerifier(KEY,
            FreshnessCheck.defaultWindow(clock), new InMemoryReplayGuard(clock)));

    @Test
    void mapsPermanentFailureWithSmtpDetails() throws Exception {
        ProviderEvent event = parser.parse(Corpus.bytes("mailgun/mg-failed-permanent-bounce.json"), Map.of()).get(0);

        assertEquals("mailgun", event.provider());
        assertEquals("failed", event.eventType());
        assertEquals(DeliveryStatus.FAILED, event.status());
        assertEquals(550, event.smtpCode());
        assertEquals("5.1.1", event.enhancedCode());
        assertTrue(event.diagnostic().contains("does not exist"));
        assertEquals("bounce", event.reason());
        assertEquals(Instant.parse("2018-08-12T21:47:02.389832Z"), event.occurredAt());
        assertTrue(event.eventId().startsWith("sha256:"), "no event-data.id in this sample, so derived");
    }

    @Test
    void temporaryFailureTakesEnhancedCodeFromItsOwnField() throws Exception {
        byte[] body = Corpus.bytes("mailgun/mg-failed-temporary.json");
        ProviderEvent event = parserAt(Instant.ofEpochSecond(1665066523)).parse(body, Map.of()).get(0);

        assertEquals(DeliveryStatus.TEMPORARY_FAILURE, event.status());
        assertEquals(451, event.smtpCode());
        assertEquals("4.7.652", event.enhancedCode());
        assertEquals("xYrATi63Rke8EC_s7EoJeA", event.eventId());
    }

    @Test
    void forgedSignatureIsRejected() {
        JsonObject eventData = eventData("delivered", Map.of());
        byte[] forged = body(TIMESTAMP, "token-forged-0001", "00".repeat(32), eventData);
        assertThrows(WebhookRejectedException.class, () -> parser.parse(forged, Map.of()));

        byte[] otherKey = body(TIMESTAMP, "token-forged-0002", sign("not-our-key", TIMESTAMP + "token-forged-0002"), eventData);
        assertThrows(WebhookRejectedException.class, () -> parser.parse(otherKey, Map.of()));

        byte[] notHex = body(TIMESTAMP, "token-forged-0003", "zz", eventData);
        assertThrows(WebhookRejectedException.class, () -> parser.parse(notHex, Map.of()));
    }

    @Test
    void signatureOverAnotherTimestampIsRejected() {
        String token = "token-shifted-timestamp";
        String signature = sign(KEY, TIMESTAMP + token);
        byte[] shifted = body(String.valueOf(Long.parseLong(TIMESTAMP) + 1), token, signature, eventData("delivered", Map.of()));
        assertThrows(WebhookRejectedException.class, () -> parser.parse(shifted, Map.of()));
    }

    @Test
    void staleAndFutureTimestampsAreRejected() {
        byte[] body = signedBody("token-stale", eventData("delivered", Map.of()));

        clock.set(SIGNED_AT.plus(Duration.ofMinutes(6)));
        assertThrows(WebhookRejectedException.class, () -> parser.parse(body, Map.of()));

        clock.set(SIGNED_AT.minus(Duration.ofMinutes(6)));
        assertThrows(WebhookRejectedException.class, () -> parser.parse(body, Map.of()));

        clock.set(SIGNED_AT.plus(Duration.ofMinutes(4)));
        assertDoesNotThrow(() -> parser.parse(body, Map.of()));
    }

    @Test
    void replayedTokenIsRejected() throws Exception {
        byte[] body = signedBody("token-replay", eventData("delivered", Map.of()));
        parser.parse(body, Map.of());

        WebhookRejectedException replay = assertThrows(WebhookRejectedException.class, () -> parser.parse(body, Map.of()));
        assertTrue(replay.getMessage().contains("already used"));

        assertEquals(1, parser.parse(signedBody("token-fresh", eventData("delivered", Map.of())), Map.of()).size());
    }

    @Test
    void forgedRequestDoesNotUseUpTheToken() throws Exception {
        JsonObject eventData = eventData("delivered", Map.of());
        byte[] forged = body(TIMESTAMP, "token-victim", "00".repeat(32), eventData);
        assertThrows(WebhookRejectedException.class, () -> parser.parse(forged, Map.of()));

        assertEquals(1, parser.parse(signedBody("token-victim", eventData), Map.of()).size());
    }

    @Test
    void readsDeliveryIdFromUserVariables() throws Exception {
        List<ProviderEvent> events = parser.parse(signedBody("token-uv-1",
                eventData("opened", Map.of(ProviderEvent.DELIVERY_ID_KEY, "4711"))), Map.of());
        assertEquals("4711", events.get(0).deliveryToken());

        List<ProviderEvent> unreadable = parser.parse(signedBody("token-uv-2",
                eventData("opened", Map.of(ProviderEvent.DELIVERY_ID_KEY, "not-a-number"))), Map.of());
        assertNull(unreadable.get(0).deliveryToken());
    }

    @Test
    void messageIdLosesAngleBracketsAndRecipientIsLowercased() throws Exception {
        JsonObject eventData = Json.createObjectBuilder(eventData("delivered", Map.of()))
                .add("recipient", "Jane.Doe@Example.COM")
                .add("message", Json.createObjectBuilder().add("headers",
                        Json.createObjectBuilder().add("message-id", "<abc@example.org>")))
                .build();
        ProviderEvent event = parser.parse(signedBody("token-brackets", eventData), Map.of()).get(0);
        assertEquals("abc@example.org", event.providerMessageId());
        assertEquals("jane.doe@example.com", event.recipient());
    }

    @Test
    void unknownEventHasNoStatus() throws Exception {
        ProviderEvent event = parser.parse(signedBody("token-unknown", eventData("stored", Map.of())), Map.of()).get(0);
        assertNull(event.status());
        assertEquals("stored", event.eventType());
    }

    @Test
    void malformedBodiesAreNotAuthenticationFailures() {
        assertThrows(MalformedWebhookException.class,
                () -> parser.parse("{\"signature\": {".getBytes(StandardCharsets.UTF_8), Map.of()));
        assertThrows(MalformedWebhookException.class, () -> parser.parse("[]".getBytes(StandardCharsets.UTF_8), Map.of()));
        assertThrows(MalformedWebhookException.class, () -> parser.parse(new byte[0], Map.of()));

        byte[] signedWithoutEvent = Json.createObjectBuilder()
                .add("signature", signatureBlock(TIMESTAMP, "token-no-event", sign(KEY, TIMESTAMP + "token-no-event")))
                .build().toString().getBytes(StandardCharsets.UTF_8);
        assertThrows(MalformedWebhookException.class, () -> parser.parse(signedWithoutEvent, Map.of()));
    }

    @Test
    void missingSignatureIsRejected() {
        byte[] unsigned = Json.createObjectBuilder().add("event-data", eventData("delivered", Map.of()))
                .build().toString().getBytes(StandardCharsets.UTF_8);
        assertThrows(WebhookRejectedException.class, () -> parser.parse(unsigned, Map.of()));
    }

    private MailgunEventParser parserAt(Instant signedAt) {
        MutableClock at = new MutableClock(signedAt.plusSeconds(1));
        return new MailgunEventParser(new MailgunSignatureVerifier(KEY, FreshnessCheck.defaultWindow(at),
                new InMemoryReplayGuard(at)));
    }

    private static JsonObject eventData(String event, Map<String, String> userVariables) {
        var variables = Json.createObjectBuilder();
        userVariables.forEach(variables::add);
        return Json.createObjectBuilder()
                .add("event", event)
                .add("recipient", "someone@example.com")
                .add("timestamp", 1534110422.5)
                .add("message", Json.createObjectBuilder().add("headers",
                        Json.createObjectBuilder().add("message-id", "20180812.1.ABC@example.org")))
                .add("user-variables", variables)
                .build();
    }

    private static byte[] signedBody(String token, JsonObject eventData) {
        return body(TIMESTAMP, token, sign(KEY, TIMESTAMP + token), eventData);
    }

    private static byte[] body(String timestamp, String token, String signature, JsonObject eventData) {
        return Json.createObjectBuilder()
                .add("signature", signatureBlock(timestamp, token, signature))
                .add("event-data", eventData)
                .build().toString().getBytes(StandardCharsets.UTF_8);
    }

    private static JsonObject signatureBlock(String timestamp, String token, String signature) {
        return Json.createObjectBuilder().add("timestamp", timestamp).add("token", token).add("signature", signature).build();
    }

    static String sign(String key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void readmeWorkedExampleSignatureIsReproduced() {
        assertEquals("7554b372d6cc548ad0aa3c9a84a58db76611c083b69a71a96a9d7fcebedc9c3d",
                sign(KEY, "1534108637651869375b9df3c98fc15c4889b102119add1235c38fc92824"));
        JsonObject signature = Json.createReader(new ByteArrayInputStream(Corpus.bytes("mailgun/mg-delivered.json")))
                .readObject().getJsonObject("signature");
        assertEquals("7554b372d6cc548ad0aa3c9a84a58db76611c083b69a71a96a9d7fcebedc9c3d", signature.getString("signature"));
    }
}
