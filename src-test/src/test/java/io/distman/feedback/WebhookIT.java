package io.distman.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.account.boundary.AccountService;
import io.distman.account.entity.UserRole;
import io.distman.feedback.boundary.UnmatchedEvents;
import io.distman.feedback.boundary.WebhookSettings;
import io.distman.feedback.entity.ResultPage;
import io.distman.feedback.entity.UnmatchedEvent;
import io.distman.message.entity.Category;
import io.distman.message.entity.Delivery;
import io.distman.message.entity.DeliveryEvent;
import io.distman.message.entity.DeliveryStatus;
import io.distman.submission.entity.SubmitRequest;
import io.distman.testsupport.Deployments;
import io.distman.testsupport.Dispatching;
import io.distman.testsupport.SignedIn;
import io.distman.testsupport.TestEnvironment;
import io.distman.testsupport.TestMailServer;
import io.distman.testsupport.ejb.AsCaller;
import io.distman.testsupport.ejb.Fixtures.TestAccount;
import io.distman.testsupport.ejb.Fixtures;
import io.distman.testsupport.ejb.TestModule;
import jakarta.ejb.EJB;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
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

    private static final String URL = TestEnvironment.baseUrl() + "api/v1/webhooks/";
    private static final String KEY = "key-test";

    @Deployment
    public static EnterpriseArchive deployment() {
        return Deployments.ear(WebhookIT.class);
    }

    @EJB
    TestModule manager;

    @EJB
    Fixtures fixtures;

    @EJB
    AccountService accounts;

    @EJB
    WebhookSettings webhookSettings;

    @EJB
    UnmatchedEvents unmatchedEvents;

    @EJB
    AsCaller as;

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
        return sentDelivery(account);
    }

    private Delivery sentDelivery(TestAccount account) {
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

    @Test
    void anAccountsOwnKeyIsUsedAtItsUrlAndNoOtherKey() throws Exception {
        TestAccount other = fixtures.newAccount("webhook-other");
        webhookSettings.setMailgunWebhookKey(account.id(), "key-of-account");
        webhookSettings.setMailgunWebhookKey(other.id(), "key-of-other");
        Delivery d = sentDelivery();
        String url = "mailgun/" + account.code();

        assertEquals(401, post(url, mailgun("key-of-other", UUID.randomUUID().toString(), now(),
                event("other-key-" + d.getId(), "delivered", d, ""))).statusCode(), "another account's key");
        assertEquals(401, post(url, mailgun(KEY, UUID.randomUUID().toString(), now(),
                event("installation-key-" + d.getId(), "delivered", d, ""))).statusCode(),
                "the installation's key does not stand in for an account that has its own");
        assertEquals(DeliveryStatus.ACCEPTED, fixtures.delivery(d.getId()).getStatus());

        HttpResponse<String> own = post(url, mailgun("key-of-account", UUID.randomUUID().toString(), now(),
                event("own-key-" + d.getId(), "delivered", d, "")));
        assertEquals(200, own.statusCode(), own.body());
        assertTrue(own.body().contains("\"matched\":1"), own.body());
        assertEquals(DeliveryStatus.DELIVERED, fixtures.delivery(d.getId()).getStatus());
    }

    @Test
    void anAccountWithoutItsOwnKeyFallsBackToTheInstallationsAndUnknownAccountsAreNotFound() throws Exception {
        Delivery d = sentDelivery();
        HttpResponse<String> response = post("mailgun/" + account.code(), mailgun(KEY, UUID.randomUUID().toString(), now(),
                event("fallback-" + d.getId(), "delivered", d, "")));
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(DeliveryStatus.DELIVERED, fixtures.delivery(d.getId()).getStatus());
        assertEquals(404, post("mailgun/no-such-account-" + UUID.randomUUID(), mailgun(KEY, UUID.randomUUID().toString(),
                now(), event("nowhere-" + d.getId(), "opened", d, ""))).statusCode());
    }

    @Test
    void anEventForAnotherAccountsDeliveryIsKeptUnmatchedAndShownToTheAccountWhoseUrlGotIt() throws Exception {
        TestAccount other = fixtures.newAccount("webhook-other");
        webhookSettings.setMailgunWebhookKey(other.id(), "key-of-other");
        Delivery d = sentDelivery(); // this test's account, not `other`

        HttpResponse<String> response = post("mailgun/" + other.code(), mailgun("key-of-other", UUID.randomUUID().toString(),
                now(), event("foreign-" + d.getId(), "complained", d, "")));
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"unmatched\":1"), response.body());
        assertEquals(DeliveryStatus.ACCEPTED, fixtures.delivery(d.getId()).getStatus(), "another account's event changes nothing");

        // Support staff read them: here a support user of the other account who is also granted this test's.
        SignedIn support = SignedIn.newUser(as, fixtures, other.id(), "support", UserRole.SUPPORT);
        fixtures.grantSupport(support.username(), account.id());
        ResultPage<UnmatchedEvent> ofOther = support.call(() -> unmatchedEvents.ofAccount(other.id(), 0, 10));
        assertEquals(1, ofOther.total());
        UnmatchedEvent shown = ofOther.items().get(0);
        assertEquals("foreign-" + d.getId(), shown.eventId());
        assertEquals(DeliveryStatus.COMPLAINED, shown.status());
        assertEquals(other.id(), shown.accountId());
        assertTrue(support.call(() -> unmatchedEvents.payload(other.id(), shown.id())).orElseThrow()
                .contains("foreign-" + d.getId()));
        assertTrue(support.call(() -> unmatchedEvents.payload(account.id(), shown.id())).isEmpty(), "not another account's to read");
        assertEquals(0, support.call(() -> unmatchedEvents.ofAccount(account.id(), 0, 10)).total());
    }

    @Test
    void unmatchedEventsOfTheInstallationsUrlsBelongToNoAccountAndArePaged() throws Exception {
        // They may name any agency's recipients: an agency's support staff are refused, the installation's operator reads.
        SignedIn support = SignedIn.newUser(as, fixtures, account.id(), "support", UserRole.SUPPORT);
        SignedIn operator = SignedIn.newUser(as, fixtures, account.id(), "operator", UserRole.OPERATOR);
        long before = operator.call(() -> unmatchedEvents.withoutAccount(0, 1)).total();
        for (int i = 0; i < 3; i++) {
            String id = "stray-" + UUID.randomUUID();
            assertEquals(200, post("mailgun", mailgun(KEY, UUID.randomUUID().toString(), now(), "{\"id\":\"" + id
                    + "\",\"event\":\"delivered\",\"timestamp\":" + now() + ",\"recipient\":\"nobody@example.org\"}"))
                    .statusCode());
        }
        ResultPage<UnmatchedEvent> page = operator.call(() -> unmatchedEvents.withoutAccount(0, 2));
        assertEquals(before + 3, page.total());
        assertEquals(2, page.items().size());
        assertTrue(page.items().stream().allMatch(e -> e.accountId() == null && e.eventId().startsWith("stray-")),
                "newest first: " + page.items());
        assertTrue(!page.items().get(0).receivedAt().isBefore(page.items().get(1).receivedAt()));
        assertEquals(1, operator.call(() -> unmatchedEvents.withoutAccount(2, 1)).items().size());
        long newest = page.items().get(0).id();
        assertTrue(operator.call(() -> unmatchedEvents.payload(null, newest)).orElseThrow().contains(page.items().get(0).eventId()));

        SignedIn.assertRefusedByRole(() -> support.call(() -> unmatchedEvents.withoutAccount(0, 2)));
        SignedIn.assertRefusedByRole(() -> support.call(() -> unmatchedEvents.payload(null, newest)));
    }

    @Test
    void theSameRequestSentTwiceAtOnceIsStoredOnceAndTheSecondIsAReplay() throws Exception {
        Delivery d = sentDelivery();
        String body = mailgun(KEY, UUID.randomUUID().toString(), now(), event("twice-" + d.getId(), "delivered", d, ""));
        HttpRequest request = HttpRequest.newBuilder(URI.create(URL + "mailgun")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        CompletableFuture<HttpResponse<String>> a = http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        CompletableFuture<HttpResponse<String>> b = http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        List<Integer> codes = Stream.of(a.get(), b.get()).map(HttpResponse::statusCode).sorted().toList();
        assertEquals(List.of(200, 401), codes);
        assertEquals(1, fixtures.count("provider_event WHERE event_id = 'twice-" + d.getId() + "'"));
    }

    @Test
    void anAccountsPostmarkLoginIsCheckedAgainstItsStoredDigest() throws Exception {
        webhookSettings.setPostmarkWebhookLogin(account.id(), "pm-hook", "s3cret:with-colon");
        Delivery d = sentDelivery();
        String record = "{\"RecordType\":\"Delivery\",\"ID\":\"" + UUID.randomUUID() + "\",\"MessageID\":\"pm-" + d.getId()
                + "\",\"Recipient\":\"" + d.getAddress() + "\",\"DeliveredAt\":\"2026-01-01T00:00:00Z\","
                + "\"Metadata\":{\"distman-delivery-id\":\"" + d.getId() + "\"}}";
        assertEquals(401, postmark(account.code(), "pm-hook:wrong", record).statusCode());
        HttpResponse<String> ok = postmark(account.code(), "pm-hook:s3cret:with-colon", record);
        assertEquals(200, ok.statusCode(), ok.body());
        assertEquals(DeliveryStatus.DELIVERED, fixtures.delivery(d.getId()).getStatus());
        assertEquals(1, fixtures.count("webhook_credential WHERE account_id = " + account.id() + " AND provider = 'postmark' AND secret NOT LIKE '%s3cret%'"),
                "only a digest of the password is stored");
    }

    private HttpResponse<String> postmark(String accountCode, String login, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(URL + "postmark/" + accountCode)).header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(login.getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
