package io.distman.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.testsupport.Deployments;
import io.distman.testsupport.GeneratedBody;
import io.distman.testsupport.ejb.Fixtures.TestAccount;
import io.distman.testsupport.ejb.Fixtures;
import jakarta.ejb.EJB;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Anyone can post to a webhook URL or the bounce pipe: a 300 MB body, streamed from a generator with its
 * Content-Length and chunked without one, is answered 413 naming the limit (401 for a wrong bounce secret, before
 * the body is read), nothing is stored, and the server still answers. Submission the same, behind its API key.
 * The server's heap during such a POST is measured by BodyLimitBench.
 */
@ExtendWith(ArquillianExtension.class)
public class BodyLimitsIT {

    private static final String API = "http://localhost:8080/distman/api/v1/";
    private static final String SECRET = "bounce-limit-secret";
    private static final long HUGE = 300L * 1024 * 1024;
    // Only what a refused body could have written: feedback events (the dispatch timer may record SMTP events for
    // other tests' mail meanwhile) and inbound mail; a refused submission, its message and deliveries.
    private static final List<String> STORED = List.of("provider_event", "inbound_mail", "message", "delivery",
            "delivery_event WHERE source LIKE 'WEBHOOK:%' OR source IN ('DSN', 'ARF')");

    @Deployment
    public static EnterpriseArchive deployment() {
        return Deployments.ear(BodyLimitsIT.class);
    }

    @EJB
    Fixtures fixtures;

    // HTTP/1.1 as MTAs and providers post: the default would offer an h2c upgrade, which a request with a body breaks here.
    private final HttpClient http = client();

    private static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    @BeforeEach
    void setUp() {
        System.setProperty("distman.bounce.secret", SECRET);
        System.setProperty("distman.webhook.mailgun.signingKey", "key-limits");
    }

    @AfterEach
    void tearDown() {
        System.clearProperty("distman.bounce.secret");
        System.clearProperty("distman.webhook.mailgun.signingKey");
    }

    private Map<String, Long> stored() {
        return STORED.stream().collect(Collectors.toMap(t -> t, fixtures::count));
    }

    /**
     * Posts {@code HUGE} bytes and returns the server's answer. The server answers without reading the body and then
     * closes the connection; the reset that closing with unread bytes sends can reach the client before it has read
     * the answer (RFC 9112, 9.6: the client may then never see the response), and the client fails with "Broken pipe"
     * or "header parser received no bytes". Such an attempt must have stored nothing, and the request is sent again,
     * at most three times in all: an answer is still required.
     */
    private HttpResponse<String> post(String path, boolean declared, Consumer<HttpRequest.Builder> headers) throws Exception {
        Map<String, Long> before = stored();
        IOException reset = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(API + path)).POST(GeneratedBody.publisher(HUGE, declared));
            headers.accept(request);
            try {
                // A client of its own: the server closes a connection whose body it refused, and a pooled client could
                // hand that closed connection to the next POST before it noticed (which a POST is not retried on).
                return client().send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                reset = e;
                assertEquals(before, stored(), "an attempt cut off by the server's close stored nothing");
                stillAnswers();
            }
        }
        throw reset;
    }

    private void refusedAsTooLarge(String path, long limit, Consumer<HttpRequest.Builder> headers) throws Exception {
        for (boolean declared : new boolean[] {true, false}) {
            Map<String, Long> before = stored();
            HttpResponse<String> response = post(path, declared, headers);
            String which = path + (declared ? " with Content-Length" : " chunked") + ": " + response.body();
            assertEquals(413, response.statusCode(), which);
            assertTrue(response.body().contains("\"field\":\"body\"") && response.body().contains("at most " + limit + " bytes"), which);
            assertEquals(before, stored(), which);
            stillAnswers();
        }
    }

    private void stillAnswers() throws Exception {
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(API + "health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode(), health.body());
    }

    @Test
    void aWebhookBodyOverItsLimitIsRefusedUnreadAndNothingStored() throws Exception {
        refusedAsTooLarge("webhooks/mailgun", 1024 * 1024, r -> r.header("Content-Type", "application/json"));
    }

    @Test
    void theBouncePipeRefusesAWrongSecretBeforeReadingAndAnOversizeMessageWithTheRightOne() throws Exception {
        for (boolean declared : new boolean[] {true, false}) {
            Map<String, Long> before = stored();
            HttpResponse<String> response = post("bounces", declared,
                    r -> r.header("Content-Type", "message/rfc822").header("Authorization", "Bearer wrong"));
            assertEquals(401, response.statusCode(), response.body());
            assertEquals(before, stored());
        }
        refusedAsTooLarge("bounces", 10L * 1024 * 1024,
                r -> r.header("Content-Type", "message/rfc822").header("Authorization", "Bearer " + SECRET));
    }

    @Test
    void aSubmissionOverItsLimitIsRefusedUnreadAndNothingStored() throws Exception {
        TestAccount account = fixtures.newAccount("limits");
        // 25 MiB of attachments in base64, 2 bodies of 5 Mi characters at 4 bytes, 1 MiB for the rest.
        long limit = (25L * 1024 * 1024 + 2) / 3 * 4 + 2L * 4 * 5 * 1024 * 1024 + 1024 * 1024;
        refusedAsTooLarge("messages", limit, r -> r.header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + account.apiKey()));
    }

    @Test
    void aSmallBodyUnderTheLimitIsStillRead() throws Exception {
        // The bound must not cost real requests: a bounce under the cap is read and recorded as before.
        long before = fixtures.count("inbound_mail");
        String mime = "From: MAILER-DAEMON@mx.example.org\r\nSubject: Undelivered Mail\r\nMessage-ID: <limits."
                + System.nanoTime() + "@mx.example.org>\r\n\r\nThe message could not be delivered.\r\n";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(API + "bounces"))
                .header("Content-Type", "message/rfc822").header("Authorization", "Bearer " + SECRET)
                .POST(HttpRequest.BodyPublishers.ofString(mime)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(before + 1, fixtures.count("inbound_mail"));
    }
}
