package io.distman.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.account.boundary.AccountService;
import io.distman.feedback.boundary.WebhookSettings;
import io.distman.feedback.control.PendingWebhook;
import io.distman.feedback.control.WebhookBatcher;
import io.distman.feedback.control.webhook.AmazonSesEventParser;
import io.distman.feedback.control.webhook.SnsMessageVerifier;
import io.distman.feedback.entity.SesWebhookResult;
import io.distman.message.entity.Category;
import io.distman.message.entity.Delivery;
import io.distman.message.entity.DeliveryStatus;
import io.distman.platform.boundary.Secrets;
import io.distman.platform.entity.FieldError;
import io.distman.submission.entity.SubmissionRejectedException;
import io.distman.submission.entity.SubmitRequest;
import io.distman.testsupport.Deployments;
import io.distman.testsupport.Dispatching;
import io.distman.testsupport.MailgunWebhooks;
import io.distman.testsupport.TestMailServer;
import io.distman.testsupport.ejb.Fixtures.TestAccount;
import io.distman.testsupport.ejb.Fixtures;
import io.distman.testsupport.ejb.TestModule;
import io.distman.tracking.boundary.DeliveryTokens;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 10's attack, per provider: account A tries to make a provider report on account B's delivery.
 * Submitting with B's id in the provider's metadata header is refused naming the header; events that
 * carry B's id unsigned, with a forged signature, with our valid token but A's recipient, or with B's
 * valid token on A's own webhook URL are kept unmatched with a reason, and B's delivery, timeline and
 * suppression list stay as they were. Our signed token with B's recipient still matches, so each
 * check can fail. Mailgun, SendGrid and Postmark go over HTTP with the installation's credentials; SES
 * is parsed by the real SES parser and stored through the real batcher, without the SNS signature
 * (which needs Amazon's certificate URL, out of reach here; it is unit-tested apart).
 */
@ExtendWith(ArquillianExtension.class)
public class TenantMatchingIT {

    private static final String API = "http://localhost:8080/distman/api/v1/";
    private static final String MAILGUN_KEY = "key-tenant-test";
    private static final String POSTMARK_USER = "pm-tenant";
    private static final String POSTMARK_PASSWORD = "pm-tenant-secret";
    private static final KeyPair SENDGRID = sendGridKeys();

    @Deployment
    public static EnterpriseArchive deployment() {
        return Deployments.ear(TenantMatchingIT.class);
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
    Secrets secrets;

    @Inject
    WebhookBatcher batcher;

    private final HttpClient http = HttpClient.newHttpClient();
    private TestAccount a;
    private TestAccount b;
    private Delivery victim;
    private String run;

    /** One provider as the attacker would use it. */
    private interface Provider {
        /** The header a sender would set to make the provider echo {@code value} as our delivery id. */
        Map.Entry<String, String> metadataHeader(String value);

        /** Has A's own webhook URL use A's own credentials. */
        void ownCredentials(TestAccount account);

        /** Delivers a complaint about {@code recipient} carrying {@code token}, to A's URL or the installation's. */
        void complain(String accountCode, String eventId, String token, String recipient) throws Exception;
    }

    @BeforeEach
    void setUp() {
        TestMailServer.reset();
        System.setProperty("distman.webhook.mailgun.signingKey", MAILGUN_KEY);
        System.setProperty("distman.webhook.sendgrid.publicKey", Base64.getEncoder().encodeToString(SENDGRID.getPublic().getEncoded()));
        System.setProperty("distman.webhook.postmark.username", POSTMARK_USER);
        System.setProperty("distman.webhook.postmark.password", POSTMARK_PASSWORD);
        a = fixtures.newAccount("tenant-a");
        b = fixtures.newAccount("tenant-b");
        run = UUID.randomUUID().toString().substring(0, 8);
        long id = manager.submit(SubmitRequest.builder().account(b.code()).raisedBy("hana").category(Category.ESSENTIAL)
                .sender("letters@harbour.example", "Harbour").to(Fixtures.address("victim")).subject("Rent demand")
                .text("Please pay.").build()).deliveries().get(0).deliveryId();
        Dispatching.sweep();
        victim = fixtures.delivery(id);
        assertEquals(DeliveryStatus.ACCEPTED, victim.getStatus());
    }

    @AfterEach
    void tearDown() {
        for (String setting : List.of("mailgun.signingKey", "sendgrid.publicKey", "postmark.username", "postmark.password")) {
            System.clearProperty("distman.webhook." + setting);
        }
    }

    @Test
    void mailgun() throws Exception {
        attack(new Provider() {
            public Map.Entry<String, String> metadataHeader(String value) {
                return Map.entry("X-Mailgun-Variables", "{\"distman-delivery-id\": \"" + value + "\"}");
            }

            public void ownCredentials(TestAccount account) {
                webhookSettings.setMailgunWebhookKey(account.id(), "key-of-" + account.code());
            }

            public void complain(String accountCode, String eventId, String token, String recipient) throws Exception {
                String data = Json.createObjectBuilder().add("id", eventId).add("event", "complained")
                        .add("timestamp", Instant.now().getEpochSecond()).add("recipient", recipient)
                        .add("message", Json.createObjectBuilder().add("headers", Json.createObjectBuilder()
                                .add("message-id", "not-ours-" + eventId + "@mailgun.example")))
                        .add("user-variables", Json.createObjectBuilder().add("distman-delivery-id", token)).build().toString();
                String key = accountCode == null ? MAILGUN_KEY : "key-of-" + accountCode;
                ok(post("webhooks/mailgun" + path(accountCode), MailgunWebhooks.signed(key, data), Map.of()));
            }
        });
    }

    @Test
    void sendGrid() throws Exception {
        attack(new Provider() {
            public Map.Entry<String, String> metadataHeader(String value) {
                return Map.entry("X-SMTPAPI", "{\"unique_args\": {\"distman-delivery-id\": \"" + value + "\"}}");
            }

            public void ownCredentials(TestAccount account) {
                webhookSettings.setSendGridWebhookKey(account.id(), Base64.getEncoder().encodeToString(SENDGRID.getPublic().getEncoded()));
            }

            public void complain(String accountCode, String eventId, String token, String recipient) throws Exception {
                String body = Json.createArrayBuilder().add(Json.createObjectBuilder().add("email", recipient)
                        .add("event", "spamreport").add("sg_event_id", eventId).add("sg_message_id", "not-ours-" + eventId)
                        .add("timestamp", Instant.now().getEpochSecond()).add("distman-delivery-id", token)).build().toString();
                String timestamp = Long.toString(Instant.now().getEpochSecond());
                Signature signer = Signature.getInstance("SHA256withECDSA");
                signer.initSign(SENDGRID.getPrivate());
                signer.update(timestamp.getBytes(StandardCharsets.UTF_8));
                signer.update(body.getBytes(StandardCharsets.UTF_8));
                ok(post("webhooks/sendgrid" + path(accountCode), body, Map.of(
                        "X-Twilio-Email-Event-Webhook-Signature", Base64.getEncoder().encodeToString(signer.sign()),
                        "X-Twilio-Email-Event-Webhook-Timestamp", timestamp)));
            }
        });
    }

    @Test
    void postmark() throws Exception {
        attack(new Provider() {
            public Map.Entry<String, String> metadataHeader(String value) {
                return Map.entry("X-PM-Metadata-distman-delivery-id", value);
            }

            public void ownCredentials(TestAccount account) {
                webhookSettings.setPostmarkWebhookLogin(account.id(), "pm-" + account.code(), "own-secret");
            }

            public void complain(String accountCode, String eventId, String token, String recipient) throws Exception {
                String body = Json.createObjectBuilder().add("RecordType", "SpamComplaint")
                        .add("ID", eventId).add("MessageID", "not-ours-" + eventId).add("Email", recipient)
                        .add("BouncedAt", Instant.now().toString())
                        .add("Metadata", Json.createObjectBuilder().add("distman-delivery-id", token)).build().toString();
                String login = accountCode == null ? POSTMARK_USER + ":" + POSTMARK_PASSWORD : "pm-" + accountCode + ":own-secret";
                ok(post("webhooks/postmark" + path(accountCode), body, Map.of("Authorization",
                        "Basic " + Base64.getEncoder().encodeToString(login.getBytes(StandardCharsets.UTF_8)))));
            }
        });
    }

    @Test
    void amazonSes() throws Exception {
        attack(new Provider() {
            public Map.Entry<String, String> metadataHeader(String value) {
                return Map.entry("X-SES-MESSAGE-TAGS", "distman-delivery-id=" + value);
            }

            public void ownCredentials(TestAccount account) {
                // The account's URL is modelled by the scope of the request below.
            }

            public void complain(String accountCode, String eventId, String token, String recipient) throws Exception {
                String notification = Json.createObjectBuilder().add("notificationType", "Complaint")
                        .add("complaint", Json.createObjectBuilder().add("feedbackId", eventId)
                                .add("timestamp", Instant.now().toString())
                                .add("complainedRecipients", Json.createArrayBuilder().add(Json.createObjectBuilder()
                                        .add("emailAddress", recipient))))
                        .add("mail", Json.createObjectBuilder().add("messageId", "not-ours-" + eventId)
                                .add("timestamp", Instant.now().toString())
                                .add("tags", Json.createObjectBuilder().add("distman-delivery-id", Json.createArrayBuilder().add(token))))
                        .build().toString();
                SesWebhookResult parsed = new AmazonSesEventParser(SnsMessageVerifier.insecureAcceptAll())
                        .parseWebhook(notification.getBytes(StandardCharsets.UTF_8), Map.of());
                Long scope = accountCode == null ? null : a.id();
                batcher.submit(new PendingWebhook("amazon-ses", scope, ((SesWebhookResult.Events) parsed).events(), List.of()))
                        .get(30, TimeUnit.SECONDS);
            }
        });
    }

    @Test
    void theEjbSubmissionRefusesTheHeadersAlike() {
        SubmissionRejectedException e = assertThrows(SubmissionRejectedException.class, () -> manager.submit(SubmitRequest.builder()
                .account(a.code()).raisedBy("anna").category(Category.ESSENTIAL).sender("x@northside.example", "N")
                .to(Fixtures.address("olivia")).subject("S").text("T")
                .headers(Map.of("x-pm-metadata-distman-delivery-id", Long.toString(victim.getId()))).build()));
        assertEquals(List.of("headers[x-pm-metadata-distman-delivery-id]"), e.errors().stream().map(FieldError::field).toList());
    }

    private void attack(Provider provider) throws Exception {
        Map.Entry<String, String> header = provider.metadataHeader(Long.toString(victim.getId()));
        HttpResponse<String> refused = submitAsA(header);
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("headers[" + header.getKey() + "]"), "names the header: " + refused.body());

        int timeline = fixtures.events(victim.getId()).size();
        long suppressed = fixtures.count("suppression WHERE account_id = " + b.id());
        String signed = DeliveryTokens.sign(secrets.current(DeliveryTokens.SECRET), b.id(), victim.getId());
        String mac = signed.substring(signed.indexOf('.') + 1);
        String forged = victim.getId() + "." + (mac.charAt(0) == 'A' ? "B" : "A") + mac.substring(1);
        String aRecipient = Fixtures.address("a-own");

        provider.complain(null, "bare-" + run, Long.toString(victim.getId()), victim.getAddress());
        provider.complain(null, "forged-" + run, forged, victim.getAddress());
        provider.complain(null, "other-recipient-" + run, signed, aRecipient);
        provider.ownCredentials(a);
        provider.complain(a.code(), "a-url-" + run, signed, victim.getAddress());

        Delivery after = fixtures.delivery(victim.getId());
        assertEquals(DeliveryStatus.ACCEPTED, after.getStatus(), "B's delivery is untouched");
        assertEquals(timeline, fixtures.events(victim.getId()).size(), "B's timeline is untouched");
        assertEquals(suppressed, fixtures.count("suppression WHERE account_id = " + b.id()), "B's suppression list is untouched");
        for (String kind : List.of("bare", "forged", "other-recipient", "a-url")) {
            assertEquals(1, fixtures.count("provider_event WHERE event_id LIKE '%" + kind + "-" + run
                    + "%' AND delivery_id IS NULL AND unmatched_reason IS NOT NULL"), kind + " is kept unmatched with a reason");
        }
        assertEquals(1, fixtures.count("provider_event WHERE event_id LIKE '%a-url-" + run + "%' AND account_id = " + a.id()),
                "what came to A's URL is shown to A");

        provider.complain(null, "genuine-" + run, signed, victim.getAddress());
        assertEquals(DeliveryStatus.COMPLAINED, fixtures.delivery(victim.getId()).getStatus(), "our own token still matches");
        assertEquals(suppressed + 1, fixtures.count("suppression WHERE account_id = " + b.id()));
        assertEquals(1, fixtures.count("provider_event WHERE event_id LIKE '%genuine-" + run + "%' AND delivery_id = "
                + victim.getId()));
    }

    private HttpResponse<String> submitAsA(Map.Entry<String, String> header) throws Exception {
        String body = Json.createObjectBuilder().add("raisedBy", "anna").add("category", "ESSENTIAL")
                .add("sender", Json.createObjectBuilder().add("address", "letters@northside.example"))
                .add("to", Json.createArrayBuilder().add(Json.createObjectBuilder().add("address", Fixtures.address("a-own"))))
                .add("subject", "Hello").add("textBody", "Hi")
                .add("headers", Json.createObjectBuilder().add(header.getKey(), header.getValue())).build().toString();
        return post("messages", body, Map.of("Authorization", "Bearer " + a.apiKey()));
    }

    private HttpResponse<String> post(String path, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(API + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void ok(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
    }

    private static String path(String accountCode) {
        return accountCode == null ? "" : "/" + accountCode;
    }

    private static KeyPair sendGridKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
