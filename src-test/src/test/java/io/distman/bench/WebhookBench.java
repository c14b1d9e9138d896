package io.distman.bench;

import io.distman.message.entity.Category;
import io.distman.platform.boundary.Secrets;
import io.distman.platform.entity.KeyVersion;
import io.distman.submission.entity.SubmitRequest;
import io.distman.testsupport.Deployments;
import io.distman.testsupport.TestEnvironment;
import io.distman.testsupport.ejb.Fixtures.TestAccount;
import io.distman.testsupport.ejb.Fixtures;
import io.distman.testsupport.ejb.TestModule;
import io.distman.tracking.boundary.DeliveryTokens;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Webhook ingestion ({@code mvn -Pbench verify}): signed Mailgun "delivered" events, one per HTTP
 * request as Mailgun sends them, from 8 concurrent senders, each matched to a delivery and recorded
 * (replay token, provider_event row, timeline event, status). Prints {@code BENCH webhook_ingest_rate}.
 * Then "opened" events for the same deliveries from 32 senders ({@code webhook_ingest_rate_32}), and,
 * for each, the rate of a no-op POST endpoint with the same bodies and senders in the same run: the
 * HTTP layer's ceiling here, since senders and server share this machine's two cores. Last, SendGrid's batches:
 * signed requests of 100 "delivered" events each from 8 senders ({@code webhook_ingest_rate_sendgrid_batches}).
 * Both endpoints are warmed up first with {@value #WARM_UP_ROUNDS} rounds of 600 requests each, so the figures are
 * those of a running server rather than of the JIT compiling a fresh one.
 */
@ExtendWith(ArquillianExtension.class)
public class WebhookBench {

    private static final String KEY = "bench-signing-key";
    private static final int WARM_UP_ROUNDS = 5;

    /** SendGrid's signing key pair for this run (SendGrid keeps the private half; the server gets the public). */
    private static KeyPair sendGridKey;

    @Deployment
    public static EnterpriseArchive deployment() {
        return Deployments.ear(WebhookBench.class, NoopWebhookResource.class, BenchFigures.class);
    }

    @EJB
    TestModule manager;

    @EJB
    Fixtures fixtures;

    @EJB
    Secrets secrets;

    @Resource(lookup = "jdbc/distman")
    DataSource dataSource;

    @Test
    void webhookIngestRate() throws Exception {
        System.setProperty("distman.webhook.mailgun.signingKey", KEY);
        TestAccount account = fixtures.newAccount("webhook-bench");
        int n = 6000;
        List<Long> deliveries = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            deliveries.add(manager.submit(SubmitRequest.builder().account(account.code()).raisedBy("bench")
                    .category(Category.BULK).sender("news@northside.example", null).to("r" + i + "@sink.example.org")
                    .subject("News").text("x").build()).deliveries().get(0).deliveryId());
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI webhook = TestEnvironment.url("api/v1/webhooks/mailgun");
        URI noop = TestEnvironment.url("api/v1/webhooks/bench-noop");

        // Warm-up of both endpoints until the JIT has compiled the paths (a fresh server spent half a core in C2 during
        // a 500-request warm-up): the targets are for a server that has been running, not one just deployed. The same
        // 600 deliveries get "delivered" again with new event ids, so every step of the real path runs.
        for (int round = 1; round <= WARM_UP_ROUNDS; round++) {
            List<String> warmUp = bodies(account.id(), deliveries.subList(0, 600), "delivered", round);
            post(http, webhook, warmUp, 8);
            post(http, noop, warmUp, 8);
        }
        List<String> delivered = bodies(account.id(), deliveries, "delivered", 0);
        List<String> measured = delivered.subList(600, delivered.size());
        double rate = rate(http, webhook, measured, 8);
        double ceiling = rate(http, noop, measured, 8);
        long done = count("SELECT COUNT(*) FROM delivery WHERE account_id = " + account.id() + " AND status = 'DELIVERED'");
        if (done != n) {
            throw new AssertionError("only " + done + " of " + n + " deliveries became DELIVERED");
        }

        List<String> opened = bodies(account.id(), deliveries, "opened", 0);
        double rate32 = rate(http, webhook, opened, 32);
        double ceiling32 = rate(http, noop, opened, 32);
        long open = count("SELECT COUNT(*) FROM delivery WHERE account_id = " + account.id() + " AND status = 'OPENED'");
        if (open != n) {
            throw new AssertionError("only " + open + " of " + n + " deliveries became OPENED");
        }
        BenchFigures.report("webhook_ingest_rate", rate, "events/s");
        BenchFigures.report("webhook_ingest_senders", 8, "connections");
        BenchFigures.report("webhook_noop_post_rate", ceiling, "requests/s");
        BenchFigures.report("webhook_ingest_vs_noop", rate / ceiling, "ratio");
        BenchFigures.report("webhook_ingest_rate_32", rate32, "events/s");
        BenchFigures.report("webhook_noop_post_rate_32", ceiling32, "requests/s");
        BenchFigures.report("webhook_ingest_vs_noop_32", rate32 / ceiling32, "ratio");

        // SendGrid posts its events in batches: the same deliveries, "delivered" again with new event ids, 100 a request.
        List<String> batches = sendGridBatches(account.id(), deliveries, 100);
        URI sendGrid = TestEnvironment.url("api/v1/webhooks/sendgrid");
        List<String> warmUp = sendGridBatches(account.id(), deliveries.subList(0, 500), 100);
        post(http, sendGrid, warmUp, 8, true);
        long start = System.nanoTime();
        post(http, sendGrid, batches, 8, true);
        double batchRate = n / ((System.nanoTime() - start) / 1e9);
        long recorded = count("SELECT COUNT(*) FROM delivery_event WHERE account_id = " + account.id()
                + " AND source = 'WEBHOOK:sendgrid' AND dedupe_key LIKE 'webhook:sendgrid:bench-%'");
        if (recorded != n + 500) {
            throw new AssertionError("only " + recorded + " of " + (n + 500) + " SendGrid events recorded");
        }
        BenchFigures.report("webhook_ingest_rate_sendgrid_batches", batchRate, "events/s");
        BenchFigures.report("webhook_ingest_sendgrid_events_per_request", 100, "events");
        // The server's system properties are read by Arquillian before the next bench class deploys, and it failed on
        // these (ArrayIndexOutOfBounds in GlassFishClientUtil.getServerSystemProperties): leave none behind.
        System.clearProperty("distman.webhook.mailgun.signingKey");
        System.clearProperty("distman.webhook.sendgrid.publicKey");
    }

    /**
     * SendGrid Event Webhook requests of {@code perRequest} "delivered" events each, signed as SendGrid signs
     * (ECDSA P-256 over timestamp and body) with a key made for this run, whose public half the server is given.
     * Each element is the signature header, a newline, the timestamp header, a newline and the body.
     */
    private List<String> sendGridBatches(long accountId, List<Long> deliveries, int perRequest) throws Exception {
        if (sendGridKey == null) {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            sendGridKey = generator.generateKeyPair();
            System.setProperty("distman.webhook.sendgrid.publicKey",
                    Base64.getEncoder().encodeToString(sendGridKey.getPublic().getEncoded()));
        }
        KeyVersion key = secrets.current(DeliveryTokens.SECRET);
        List<String> requests = new ArrayList<>();
        for (int from = 0; from < deliveries.size(); from += perRequest) {
            StringBuilder body = new StringBuilder("[");
            for (int i = from; i < Math.min(deliveries.size(), from + perRequest); i++) {
                long id = deliveries.get(i);
                body.append(i == from ? "" : ",").append("{\"email\":\"r").append(i).append("@sink.example.org\",")
                        .append("\"event\":\"delivered\",\"timestamp\":").append(System.currentTimeMillis() / 1000)
                        .append(",\"sg_event_id\":\"bench-").append(UUID.randomUUID()).append("\",")
                        .append("\"sg_message_id\":\"bench.").append(id).append("\",\"response\":\"250 OK\",")
                        .append("\"").append(DeliveryTokens.METADATA_KEY).append("\":\"")
                        .append(DeliveryTokens.sign(key, accountId, id)).append("\"}");
            }
            String json = body.append(']').toString();
            String timestamp = String.valueOf(System.currentTimeMillis() / 1000);
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(sendGridKey.getPrivate());
            signer.update(timestamp.getBytes(StandardCharsets.UTF_8));
            signer.update(json.getBytes(StandardCharsets.UTF_8));
            requests.add(Base64.getEncoder().encodeToString(signer.sign()) + "\n" + timestamp + "\n" + json);
        }
        return requests;
    }

    /**
     * One signed Mailgun event of {@code type} per delivery, each with its own token and event id, naming the
     * delivery as Mailgun echoes it: our signed delivery token and the delivery's recipient.
     */
    private List<String> bodies(long accountId, List<Long> deliveries, String type, int round) throws Exception {
        KeyVersion key = secrets.current(DeliveryTokens.SECRET);
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < deliveries.size(); i++) {
            long id = deliveries.get(i);
            bodies.add(signed(UUID.randomUUID().toString(), System.currentTimeMillis() / 1000,
                    "{\"id\":\"bench-" + type + "-" + round + "-" + id + "\",\"event\":\"" + type + "\",\"timestamp\":"
                            + (System.currentTimeMillis() / 1000.0) + ",\"recipient\":\"r" + i + "@sink.example.org\","
                            + "\"user-variables\":{\"distman-delivery-id\":\"" + DeliveryTokens.sign(key, accountId, id) + "\"}}"));
        }
        return bodies;
    }

    private double rate(HttpClient http, URI uri, List<String> bodies, int senders) throws Exception {
        long start = System.nanoTime();
        post(http, uri, bodies, senders);
        return bodies.size() / ((System.nanoTime() - start) / 1e9);
    }

    private void post(HttpClient http, URI uri, List<String> bodies, int count) throws Exception {
        post(http, uri, bodies, count, false);
    }

    /** @param signedHeaders each body starts with the SendGrid signature and timestamp lines */
    private void post(HttpClient http, URI uri, List<String> bodies, int count, boolean signedHeaders) throws Exception {
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> senders = new ArrayList<>();
        // Plain threads: exactly `count` senders, whatever the server's managed executors are sized to.
        ExecutorService executor = Executors.newFixedThreadPool(count);
        for (int s = 0; s < count; s++) {
            senders.add(executor.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < bodies.size()) {
                    HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json");
                    String body = bodies.get(i);
                    if (signedHeaders) {
                        String[] parts = body.split("\n", 3);
                        request.header("X-Twilio-Email-Event-Webhook-Signature", parts[0])
                                .header("X-Twilio-Email-Event-Webhook-Timestamp", parts[1]);
                        body = parts[2];
                    }
                    HttpResponse<String> response = http.send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("webhook answered " + response.statusCode() + ": " + response.body());
                    }
                }
                return null;
            }));
        }
        try {
            for (Future<?> sender : senders) {
                sender.get();
            }
        } finally {
            executor.shutdownNow();
        }
    }

    private static String signed(String token, long timestamp, String eventData) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = HexFormat.of().formatHex(mac.doFinal((timestamp + token).getBytes(StandardCharsets.UTF_8)));
        return "{\"signature\":{\"timestamp\":\"" + timestamp + "\",\"token\":\"" + token + "\",\"signature\":\"" + signature
                + "\"},\"event-data\":" + eventData + "}";
    }

    private long count(String sql) throws Exception {
        try (var c = dataSource.getConnection(); var s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }


    /** Client side: print what the container measured. */
    @AfterAll
    static void printFigures() throws IOException {
        BenchFigures.print();
    }
}
