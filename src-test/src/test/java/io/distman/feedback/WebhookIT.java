package io.distman.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.message.entity.Category;
import io.distman.message.entity.Delivery;
import io.distman.message.entity.DeliveryEvent;
import io.distman.message.entity.DeliveryStatus;
import io.distman.submission.boundary.DistributionManagerLocal;
import io.distman.submission.entity.SubmitRequest;
import io.distman.testsupport.Deployments;
import io.distman.testsupport.Dispatching;
import io.distman.testsupport.TestEnvironment;
import io.distman.testsupport.TestMailServer;
import io.distman.testsupport.ejb.Fixtures;
import io.distman.testsupport.ejb.Fixtures.TestAccount;
import jakarta.ejb.EJB;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Provider webhooks over HTTP as Mailgun sends them: signed events change the delivery they name,
 * forged, stale and replayed requests are refused, repeats are stored once, and events that match no
 * delivery (every corpus sample) are kept rather than refused.
 */
@ExtendWith(ArquillianExtension.class)
public class WebhookIT {

    private static final String URL = "http://localhost:8080/distman/api/v1/webhooks/";
    private static final String KEY = "key-test";

    @Deployment
    public static EnterpriseArchive deployment() {
        return Deployments.ear(WebhookIT.class);
    }

    @EJB
    DistributionManagerLocal manager;

    @EJB
    Fixtures fixtures;

    private final HttpClient http = HttpClient.newHttpClient();
    TestAccount account;

    @BeforeEach
    void setUp() {
        TestMailServer.reset();
        System.setProperty("distman.webhook.mailgun.signingKey", KEY);
        account = fixtures.newAccount("webhook");
    }

    @AfterEach
    void tearDown() {
        System.clearProperty("distman.webhook.mailgun.signingKey");
        System.clearProperty("distman.webhook.mailgun.maxAge");
    }

    private Delivery sentDelivery() {
        long id = manager.submit(SubmitRequest.builder().account(account.code()).raisedBy("anna").category(Category.BULK)
                .sender("news@northside.example", "Northside").to(Fixtures.address("olivia")).subject("News").text("News.")
                .build()).deliveries().get(0).deliveryId();
        Dispatching.sweep();
        Delivery delivery = fixtures.delivery(id);
        assertEquals(DeliveryStatus.ACCEPTED, delivery.getStatus());
        return delivery;
    }

    /** A Mailgun event as Mailgun signs it: HMAC-SHA256 of timestamp + token with the signing key. */
    private static String mailgun(String key, String token, long timestamp, String eventData) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = HexFormat.of().formatHex(mac.doFinal((timestamp + token).getBytes(StandardCharsets.UTF_8)));
        return "{\"signature\":{\"timestamp\":\"" + timestamp + "\",\"token\":\"" + token + "\",\"signature\":\"" + signature
                + "\"},\"event-data\":" + eventData + "}";
    }

    private static String event(String id, String type, Delivery d, String extra) {
        return "{\"id\":\"" + id + "\",\"event\":\"" + type + "\",\"timestamp\":" + (System.currentTimeMillis() / 1000.0)
                + ",\"recipient\":\"" + d.getAddress() + "\",\"message\":{\"headers\":{\"message-id\":\""
                + d.getMessageIdHeader().substring(1, d.getMessageIdHeader().length() - 1) + "\"}},"
                + "\"user-variables\":{\"distman-delivery-id\":\"" + d.getId() + "\"}" + extra + "}";
    }

    private HttpResponse<String> post(String provider, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(URL + provider)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long now() {
        return System.currentTimeMillis() / 1000;
    }

    @Test
    void aSignedDeliveredEventMovesTheDeliveryAndAReplayIsRefused() throws Exception {
        Delivery d = sentDelivery();
        String body = mailgun(KEY, UUID.randomUUID().toString(), now(), event("ev-" + d.getId(), "delivered", d, ""));

        HttpResponse<String> first = post("mailgun", body);
        assertEquals(200, first.statusCode(), first.body());
        assertTrue(first.body().contains("\"matched\":1"), first.body());
        assertEquals(DeliveryStatus.DELIVERED, fixtures.delivery(d.getId()).getStatus());

        HttpResponse<String> replay = post("mailgun", body);
        assertEquals(401, replay.statusCode(), "the same signed request twice is a replay: " + replay.body());

        HttpResponse<String> resent = post("mailgun", mailgun(KEY, UUID.randomUUID().toString(), now(),
                event("ev-" + d.getId(), "delivered", d, "")));
        assertEquals(200, resent.statusCode());
        assertTrue(resent.body().contains("\"duplicates\":1"), "a provider's retry of an event is stored once: " + resent.body());
        assertEquals(1, fixtures.events(d.getId()).stream().filter(e -> e.getStatus() == DeliveryStatus.DELIVERED).count());
    }

    @Test
    void aPermanentFailureKeepsTheCodesAndTheTimelineSaysWhereItCameFrom() throws Exception {
        Delivery d = sentDelivery();
        String failed = event("fail-" + d.getId(), "failed", d, ",\"severity\":\"permanent\",\"reason\":\"bounce\","
                + "\"delivery-status\":{\"code\":550,\"message\":\"5.1.1 The email account that you tried to reach does not exist\"}");
        assertEquals(200, post("mailgun", mailgun(KEY, UUID.randomUUID().toString(), now(), failed)).statusCode());

        Delivery after = fixtures.delivery(d.getId());
        assertEquals(DeliveryStatus.FAILED, after.getStatus());
        assertEquals(550, after.getSmtpCode());
        assertEquals("5.1.1", after.getEnhancedCode());
        DeliveryEvent last = fixtures.events(d.getId()).get(fixtures.events(d.getId()).size() - 1);
        assertEquals("WEBHOOK:mailgun", last.getSource());
    }

    @Test
    void forgedAndStaleRequestsAreRefusedAndStoreNothing() throws Exception {
        Delivery d = sentDelivery();
        long stored = fixtures.count("provider_event");
        String event = event("forged-" + d.getId(), "unsubscribed", d, "");
        assertEquals(401, post("mailgun", mailgun("not-the-key", UUID.randomUUID().toString(), now(), event)).statusCode());
        assertEquals(401, post("mailgun", mailgun(KEY, UUID.randomUUID().toString(), now() - 3600, event)).statusCode(),
                "an hour-old timestamp is stale");
        assertEquals(stored, fixtures.count("provider_event"));
        assertEquals(DeliveryStatus.ACCEPTED, fixtures.delivery(d.getId()).getStatus());
    }

    @Test
    void everyCorpusSampleIsAcceptedAsUnmatchedAndTheBadSignatureRefused() throws Exception {
        System.setProperty("distman.webhook.mailgun.maxAge", "P20000D"); // the samples were signed up to 2013
        long unmatched = fixtures.count("provider_event WHERE delivery_id IS NULL");
        List<Path> samples;
        try (Stream<Path> files = Files.list(Path.of(TestEnvironment.get("distman.test.corpus"), "webhooks", "mailgun"))) {
            samples = files.sorted().toList();
        }
        int accepted = 0;
        for (Path sample : samples) {
            HttpResponse<String> response = post("mailgun", Files.readString(sample));
            if (sample.getFileName().toString().contains("signature-invalid")) {
                assertEquals(401, response.statusCode(), sample + ": " + response.body());
            } else {
                assertEquals(200, response.statusCode(), sample + ": " + response.body());
                accepted++;
            }
        }
        assertEquals(14, accepted);
        assertEquals(unmatched + accepted, fixtures.count("provider_event WHERE delivery_id IS NULL"),
                "unmatched events are kept for support");
    }

    @Test
    void malformedUnknownAndUnconfiguredAreToldApart() throws Exception {
        assertEquals(400, post("mailgun", "{not json").statusCode());
        assertEquals(404, post("carrier-pigeon", "{}").statusCode());
        assertEquals(503, post("postmark", "{}").statusCode(), "no credentials set for Postmark");
    }
}
