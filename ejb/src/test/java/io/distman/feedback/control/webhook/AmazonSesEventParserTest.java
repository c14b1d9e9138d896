package io.distman.feedback.control.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.feedback.entity.ProviderEvent;
import io.distman.feedback.entity.SesWebhookResult;
import io.distman.feedback.entity.WebhookRejectedException;
import io.distman.message.entity.DeliveryStatus;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SNS signatures, checked with a certificate of our own: the corpus envelopes carry placeholder or
 * unverifiable signatures, so we sign copies of them ourselves.
 */
class AmazonSesEventParserTest {

    private static final String SIGNED_SAMPLE = "amazon-ses/ses-anymail-sns-bounce.json";
    private static final String TOPIC = "arn:aws:sns:us-east-1:123456789012:ses-notifications";

    @TempDir
    static Path keyDir;
    static TestKeys keys;

    private final List<URI> fetched = new ArrayList<>();
    private final MutableClock clock = new MutableClock(Instant.now());
    private final CertificateSource certificates = url -> {
        fetched.add(url);
        return keys.certificate();
    };
    private final AmazonSesEventParser verifying =
            new AmazonSesEventParser(new SnsSignatureVerifier(certificates, Set.of(), FreshnessCheck.disabled(clock)));
    private final AmazonSesEventParser unverified = new AmazonSesEventParser(SnsMessageVerifier.insecureAcceptAll());

    @BeforeAll
    static void generateKeys() throws Exception {
        keys = TestKeys.generate(keyDir);
    }

    @Test
    void acceptsSignatureVersionsOneAndTwo() throws Exception {
        for (String version : List.of("1", "2")) {
            byte[] body = signed(corpusEnvelope(SIGNED_SAMPLE), version);
            List<ProviderEvent> events = verifying.parse(body, Map.of());
            assertEquals(unverified.parse(Corpus.bytes(SIGNED_SAMPLE), Map.of()), events, "version " + version);
        }
        assertEquals(URI.create(corpusEnvelope(SIGNED_SAMPLE).build().getString("SigningCertURL")), fetched.get(0));
    }

    @Test
    void tamperedMessageIsRejected() {
        JsonObject envelope = Json.createReader(new ByteArrayInputStream(signed(corpusEnvelope(SIGNED_SAMPLE), "2")))
                .readObject();
        String tampered = envelope.getString("Message").replace("\"Permanent\"", "\"Transient\"");
        assertNotEquals(envelope.getString("Message"), tampered);
        byte[] body = Json.createObjectBuilder(envelope).add("Message", tampered).build().toString()
                .getBytes(StandardCharsets.UTF_8);

        assertThrows(WebhookRejectedException.class, () -> verifying.parse(body, Map.of()));
    }

    @Test
    void tamperedTopicOrTimestampIsRejected() {
        JsonObject envelope = Json.createReader(new ByteArrayInputStream(signed(corpusEnvelope(SIGNED_SAMPLE), "1")))
                .readObject();
        for (String field : List.of("TopicArn", "Timestamp", "MessageId", "Subject")) {
            byte[] body = Json.createObjectBuilder(envelope).add(field, envelope.getString(field) + "x").build()
                    .toString().getBytes(StandardCharsets.UTF_8);
            assertThrows(WebhookRejectedException.class, () -> verifying.parse(body, Map.of()), field);
        }
    }

    @Test
    void corpusSignaturesDoNotVerifyWithForeignCertificate() {
        for (String file : List.of("amazon-ses/ses-sisimai-bounce-permanent-sns.json", SIGNED_SAMPLE,
                "amazon-ses/ses-anymail-sns-click.json")) {
            assertThrows(WebhookRejectedException.class, () -> verifying.parse(Corpus.bytes(file), Map.of()), file);
        }
    }

    @Test
    void certificateUrlOutsideSnsIsRejectedBeforeFetching() {
        for (String url : List.of(
                "http://sns.us-east-1.amazonaws.com/cert.pem",
                "https://sns.us-east-1.amazonaws.com.evil.example/cert.pem",
                "https://evil.example/sns.us-east-1.amazonaws.com/cert.pem",
                "https://sns.us-east-1.amazonaws.com@evil.example/cert.pem",
                "https://sns.us-east-1.amazonaws.com/cert.txt")) {
            byte[] body = signed(corpusEnvelope(SIGNED_SAMPLE).add("SigningCertURL", url), "2");
            assertThrows(WebhookRejectedException.class, () -> verifying.parse(body, Map.of()), url);
        }
        assertTrue(fetched.isEmpty(), "nothing may be fetched from an unapproved URL");
    }

    @Test
    void unsupportedSignatureVersionIsRejected() {
        byte[] body = signed(corpusEnvelope(SIGNED_SAMPLE), "3");
        assertThrows(WebhookRejectedException.class, () -> verifying.parse(body, Map.of()));
    }

    @Test
    void expiredCertificateIsRejected() {
        byte[] body = signed(corpusEnvelope(SIGNED_SAMPLE), "2");
        clock.advance(Duration.ofDays(30));
        assertThrows(WebhookRejectedException.class, () -> verifying.parse(body, Map.of()));
    }

    @Test
    void topicsCanBeRestricted() throws Exception {
        AmazonSesEventParser restricted = new AmazonSesEventParser(
                new SnsSignatureVerifier(certificates, Set.of(TOPIC), FreshnessCheck.disabled(clock)));
        byte[] ours = signed(corpusEnvelope(SIGNED_SAMPLE).add("TopicArn", TOPIC), "2");
        assertEquals(1, restricted.parse(ours, Map.of()).size());

        byte[] foreign = signed(corpusEnvelope(SIGNED_SAMPLE), "2");
        assertThrows(WebhookRejectedException.class, () -> restricted.parse(foreign, Map.of()));
    }

    @Test
    void notificationsOlderThanTheMaxAgeAreRefusedYoungerOnesAccepted() throws Exception {
        // Signed as published now; the clock then moves on: SNS stops retrying after 3,600 s.
        Instant published = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        MutableClock at = new MutableClock(published.plus(Duration.ofMinutes(59)));
        AmazonSesEventParser withAge = new AmazonSesEventParser(
                new SnsSignatureVerifier(certificates, Set.of(), FreshnessCheck.of(at, Duration.ofHours(1))));
        byte[] body = signedAt(published);
        assertEquals(1, withAge.parse(body, Map.of()).size(), "59 minutes old is within the hour");

        at.advance(Duration.ofMinutes(2));
        WebhookRejectedException stale = assertThrows(WebhookRejectedException.class, () -> withAge.parse(body, Map.of()));
        assertTrue(stale.getMessage().contains("outside"), stale.getMessage());
    }

    @Test
    void aTimestampIsOnlyJudgedOnceTheSignatureHolds() {
        Instant published = Instant.now().truncatedTo(ChronoUnit.MILLIS).minus(Duration.ofHours(3));
        AmazonSesEventParser withAge = new AmazonSesEventParser(new SnsSignatureVerifier(certificates, Set.of(),
                FreshnessCheck.of(new MutableClock(published.plus(Duration.ofHours(3))), Duration.ofHours(1))));
        // A stale message whose timestamp was made to look fresh is refused for its signature.
        byte[] forged = Json.createObjectBuilder(Json.createReader(new ByteArrayInputStream(signedAt(published))).readObject())
                .add("Timestamp", published.plus(Duration.ofHours(3)).toString()).build().toString().getBytes(StandardCharsets.UTF_8);
        WebhookRejectedException e = assertThrows(WebhookRejectedException.class, () -> withAge.parse(forged, Map.of()));
        assertTrue(e.getMessage().contains("signature"), e.getMessage());
    }

    /** The sample, published (and signed) at {@code published}; the test certificate is valid from now on. */
    private static byte[] signedAt(Instant published) {
        return signed(corpusEnvelope(SIGNED_SAMPLE).add("Timestamp", published.toString()), "2");
    }

    @Test
    void unreachableCertificateIsAServerProblemNotARejection() {
        AmazonSesEventParser offline = new AmazonSesEventParser(new SnsSignatureVerifier(url -> {
            throw new IOException("connection refused");
        }, Set.of(), FreshnessCheck.disabled(clock)));
        byte[] body = signed(corpusEnvelope(SIGNED_SAMPLE), "2");
        assertThrows(UncheckedIOException.class, () -> offline.parse(body, Map.of()));
    }

    @Test
    void rawSesJsonNeedsExplicitTrust() throws Exception {
        byte[] raw = Corpus.bytes("amazon-ses/ses-sisimai-bounce-permanent.json");
        assertThrows(WebhookRejectedException.class, () -> verifying.parse(raw, Map.of()));
        assertEquals(DeliveryStatus.FAILED, unverified.parse(raw, Map.of()).get(0).status());
    }

    @Test
    void subscriptionConfirmationIsReturnedForTheEndpointToAct() throws Exception {
        JsonObject confirmation = Json.createObjectBuilder()
                .add("Type", "SubscriptionConfirmation")
                .add("MessageId", "165545c9-2a5c-472c-8df2-7ff2be2b3b1b")
                .add("Token", "2336412f37fb687f5d51e6e241d09c805a5a57b30d712f794cc5f6a988666d92768dd60a747ba6f3beb71854e285d6ad02428b09ceece29417f1f02d609c582afbacc99c583a916b9981dd2728f4ae6fdb82efd087cc3b7849e05798d2d2785c03b0879594eeac82c01f235d0e717736")
                .add("TopicArn", TOPIC)
                .add("Message", "You have chosen to subscribe to the topic " + TOPIC + ".")
                .add("SubscribeURL", "https://sns.us-east-1.amazonaws.com/?Action=ConfirmSubscription&TopicArn=" + TOPIC + "&Token=2336412f37")
                .add("Timestamp", "2024-05-01T12:00:00.000Z")
                .add("SigningCertURL", "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-test.pem")
                .build();
        byte[] body = signed(Json.createObjectBuilder(confirmation), "2");

        SesWebhookResult result = verifying.parseWebhook(body, Map.of());
        SesWebhookResult.SubscriptionConfirmation confirm =
                assertInstanceOf(SesWebhookResult.SubscriptionConfirmation.class, result);
        assertEquals("sns.us-east-1.amazonaws.com", confirm.subscribeUrl().getHost());
        assertEquals(TOPIC, confirm.topicArn());
        assertTrue(verifying.parse(body, Map.of()).isEmpty(), "a handshake is not an event");

        byte[] unsubscribe = signed(Json.createObjectBuilder(confirmation).add("Type", "UnsubscribeConfirmation"), "1");
        assertInstanceOf(SesWebhookResult.UnsubscribeConfirmation.class, verifying.parseWebhook(unsubscribe, Map.of()));

        byte[] elsewhere = signed(Json.createObjectBuilder(confirmation)
                .add("SubscribeURL", "https://internal.example/admin"), "2");
        assertThrows(WebhookRejectedException.class, () -> verifying.parseWebhook(elsewhere, Map.of()));
    }

    @Test
    void everyBouncedRecipientGetsItsOwnEvent() throws Exception {
        List<ProviderEvent> events = unverified.parse(Corpus.bytes("amazon-ses/ses-anymail-sns-bounce-multiple.json"), Map.of());
        assertEquals(List.of("jane@example.com", "richard@example.com"), events.stream().map(ProviderEvent::recipient).toList());
        assertNotEquals(events.get(0).eventId(), events.get(1).eventId());
        assertEquals("Permanent/General", events.get(0).reason());
    }

    @Test
    void bounceCodesComeFromStatusAndDiagnosticCode() throws Exception {
        ProviderEvent event = unverified.parse(Corpus.bytes("amazon-ses/ses-modified-bounce-transient-mailboxfull-sns.json"),
                Map.of()).get(0);
        assertEquals(DeliveryStatus.TEMPORARY_FAILURE, event.status());
        assertEquals("Transient/MailboxFull", event.reason());
        assertEquals(552, event.smtpCode());
        assertEquals("5.2.2", event.enhancedCode());
        assertTrue(event.diagnostic().contains("Mailbox full"));
    }

    @Test
    void deliveryDelayKeepsCodesAndDelayType() throws Exception {
        ProviderEvent event = unverified.parse(Corpus.bytes("amazon-ses/ses-awsdocs-evpub-delivery-delay.json"), Map.of()).get(0);
        assertEquals(DeliveryStatus.TEMPORARY_FAILURE, event.status());
        assertEquals(421, event.smtpCode());
        assertEquals("4.4.1", event.enhancedCode());
        assertEquals("TransientCommunicationFailure", event.reason());
        assertEquals(Instant.parse("2020-06-16T00:25:40.095Z"), event.occurredAt());
    }

    @Test
    void clickCarriesLinkAndUserAgent() throws Exception {
        ProviderEvent event = unverified.parse(Corpus.bytes("amazon-ses/ses-anymail-sns-click.json"), Map.of()).get(0);
        assertEquals("https://docs.aws.amazon.com/ses/latest/DeveloperGuide/", event.url());
        assertTrue(event.userAgent().startsWith("Mozilla/5.0"));
    }

    @Test
    void deliveryIdComesFromMessageTags() throws Exception {
        JsonObject notification = Json.createObjectBuilder()
                .add("eventType", "Delivery")
                .add("mail", Json.createObjectBuilder()
                        .add("messageId", "0100-abc")
                        .add("timestamp", "2024-01-01T00:00:00Z")
                        .add("destination", Json.createArrayBuilder().add("A@Example.com"))
                        .add("tags", Json.createObjectBuilder()
                                .add(ProviderEvent.DELIVERY_ID_KEY, Json.createArrayBuilder().add("987"))))
                .add("delivery", Json.createObjectBuilder()
                        .add("recipients", Json.createArrayBuilder().add("A@Example.com"))
                        .add("smtpResponse", "250 2.0.0 OK"))
                .build();
        ProviderEvent event = unverified.parse(notification.toString().getBytes(StandardCharsets.UTF_8), Map.of()).get(0);
        assertEquals("987", event.deliveryToken());
        assertEquals("a@example.com", event.recipient());
        assertEquals(250, event.smtpCode());
        assertEquals("2.0.0", event.enhancedCode());
    }

    @Test
    void topicLevelSubscriptionChangeIsNoUnsubscribe() throws Exception {
        String json = new String(Corpus.bytes("amazon-ses/ses-awsdocs-evpub-subscription.json"), StandardCharsets.UTF_8)
                .replaceFirst("\"unsubscribeAll\": true", "\"unsubscribeAll\": false");
        assertNull(unverified.parse(json.getBytes(StandardCharsets.UTF_8), Map.of()).get(0).status());
    }

    @Test
    void malformedBodiesAreReportedAsSuch() {
        assertThrows(MalformedWebhookException.class, () -> unverified.parse("not json".getBytes(StandardCharsets.UTF_8), Map.of()));
        assertThrows(MalformedWebhookException.class, () -> unverified.parse("{\"foo\": 1}".getBytes(StandardCharsets.UTF_8), Map.of()));
        byte[] badMessage = Json.createObjectBuilder().add("Type", "Notification").add("MessageId", "1")
                .add("Message", "this is no JSON").build().toString().getBytes(StandardCharsets.UTF_8);
        assertThrows(MalformedWebhookException.class, () -> unverified.parse(badMessage, Map.of()));
    }

    private static JsonObjectBuilder corpusEnvelope(String file) {
        return Json.createObjectBuilder(Json.createReader(new ByteArrayInputStream(Corpus.bytes(file))).readObject());
    }

    /** Signs the envelope the way SNS does, written out independently of the production code. */
    private static byte[] signed(JsonObjectBuilder builder, String version) {
        JsonObject envelope = builder.add("SignatureVersion", version).build();
        List<String> fields = envelope.getString("Type").equals("Notification")
                ? List.of("Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type")
                : List.of("Message", "MessageId", "SubscribeURL", "Timestamp", "Token", "TopicArn", "Type");
        StringBuilder text = new StringBuilder();
        for (String field : fields) {
            if (envelope.containsKey(field)) {
                text.append(field).append('\n').append(envelope.getString(field)).append('\n');
            }
        }
        try {
            Signature signer = Signature.getInstance("1".equals(version) ? "SHA1withRSA" : "SHA256withRSA");
            signer.initSign(keys.privateKey());
            signer.update(text.toString().getBytes(StandardCharsets.UTF_8));
            String signature = Base64.getEncoder().encodeToString(signer.sign());
            return Json.createObjectBuilder(envelope).add("Signature", signature).build().toString()
                    .getBytes(StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
