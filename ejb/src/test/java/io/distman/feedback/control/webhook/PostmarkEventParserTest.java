package io.distman.feedback.control.webhook;

import static io.distman.feedback.control.webhook.CorpusTest.basic;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.distman.feedback.entity.ProviderEvent;
import io.distman.feedback.entity.WebhookRejectedException;
import io.distman.message.entity.DeliveryStatus;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PostmarkEventParserTest {

    private static final String USER = "distman";
    private static final String PASSWORD = "pa55:word";
    private static final Map<String, String> AUTH = Map.of("authorization", basic(USER, PASSWORD));

    private final PostmarkEventParser parser = new PostmarkEventParser(new BasicAuthAuthenticator(USER, PASSWORD));

    @Test
    void correctCredentialsAreAccepted() throws Exception {
        ProviderEvent event = parser.parse(Corpus.bytes("postmark/pm-bounce-hardbounce.json"), AUTH).get(0);
        assertEquals(DeliveryStatus.FAILED, event.status());
        assertEquals(550, event.smtpCode());
        assertEquals("5.1.1", event.enhancedCode());
        assertEquals("HardBounce", event.reason());
        assertEquals("Bounce:901542550", event.eventId());
    }

    @Test
    void wrongOrMissingCredentialsAreRejected() {
        byte[] body = Corpus.bytes("postmark/pm-delivery.json");
        for (String header : List.of(basic(USER, "wrong"), basic("other", PASSWORD), basic(USER, PASSWORD + "x"),
                basic(USER, ""), "Bearer " + PASSWORD, "Basic %%%", "Basic")) {
            assertThrows(WebhookRejectedException.class, () -> parser.parse(body, Map.of("Authorization", header)), header);
        }
        assertThrows(WebhookRejectedException.class, () -> parser.parse(body, Map.of()));
    }

    @Test
    void credentialsAreCheckedBeforeTheBodyIsParsed() {
        byte[] broken = "{\"RecordType\":".getBytes(StandardCharsets.UTF_8);
        assertThrows(WebhookRejectedException.class, () -> parser.parse(broken, Map.of()));
        assertThrows(MalformedWebhookException.class, () -> parser.parse(broken, AUTH));
        assertThrows(MalformedWebhookException.class, () -> parser.parse("{}".getBytes(StandardCharsets.UTF_8), AUTH));
    }

    @Test
    void resubscribeHasNoStatusAndItsOwnId() throws Exception {
        ProviderEvent resubscribe = parser.parse(Corpus.bytes("postmark/pm-subscription-change-resubscribe.json"), AUTH).get(0);
        ProviderEvent unsubscribe = parser.parse(Corpus.bytes("postmark/pm-subscription-change-unsubscribe.json"), AUTH).get(0);
        assertNull(resubscribe.status());
        assertEquals(DeliveryStatus.UNSUBSCRIBED, unsubscribe.status());
        assertNotEquals(unsubscribe.eventId(), resubscribe.eventId());
    }

    @Test
    void derivedIdIsStableAcrossRetries() throws Exception {
        byte[] body = Corpus.bytes("postmark/pm-open.json");
        assertEquals(parser.parse(body, AUTH).get(0).eventId(), parser.parse(body, AUTH).get(0).eventId());
    }

    @Test
    void metadataCarriesDeliveryIdAndClickCarriesLink() throws Exception {
        ProviderEvent event = parser.parse("""
                {"RecordType":"Click","MessageID":"m-1","Recipient":"R@Example.com","ReceivedAt":"2024-01-01T10:00:00Z",
                 "OriginalLink":"https://example.com/x","UserAgent":"UA","Metadata":{"distman-delivery-id":"77"}}"""
                .getBytes(StandardCharsets.UTF_8), AUTH).get(0);
        assertEquals(DeliveryStatus.CLICKED, event.status());
        assertEquals("77", event.deliveryToken());
        assertEquals("r@example.com", event.recipient());
        assertEquals("https://example.com/x", event.url());
    }

    @Test
    void bounceTypesBeyondTheCorpus() {
        assertEquals(DeliveryStatus.TEMPORARY_FAILURE, PostmarkEventMapper.status("Bounce", "DnsError", false, null));
        assertEquals(DeliveryStatus.REJECTED, PostmarkEventMapper.status("Bounce", "BadEmailAddress", false, null));
        assertEquals(DeliveryStatus.COMPLAINED, PostmarkEventMapper.status("Bounce", "SpamNotification", false, null));
        assertNull(PostmarkEventMapper.status("Bounce", "AutoResponder", false, null));
        assertEquals(DeliveryStatus.COMPLAINED, PostmarkEventMapper.status("SubscriptionChange", null, true, "SpamComplaint"));
    }
}
