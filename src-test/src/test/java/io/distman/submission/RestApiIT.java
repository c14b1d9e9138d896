package io.distman.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.testsupport.Deployments;
import io.distman.testsupport.Dispatching;
import io.distman.testsupport.TestEnvironment;
import io.distman.testsupport.TestMailServer;
import io.distman.testsupport.ejb.Fixtures.TestAccount;
import io.distman.testsupport.ejb.Fixtures;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The REST API as a non-Java caller uses it: authenticated, JSON, errors that name the field, tenancy. */
@ExtendWith(ArquillianExtension.class)
public class RestApiIT {

    private static final String API = TestEnvironment.baseUrl() + "api/v1/";

    @Deployment
    public static EnterpriseArchive deployment() {
        return Deployments.ear(RestApiIT.class);
    }

    @EJB
    Fixtures fixtures;

    private final HttpClient http = HttpClient.newHttpClient();
    TestAccount account;

    @BeforeEach
    void setUp() {
        TestMailServer.reset();
        account = fixtures.newAccount("rest");
    }

    private String message(String to) {
        String pdf = Base64.getEncoder().encodeToString("%PDF-1.4 letter".getBytes());
        return """
                {"raisedBy":"anna","sourceModule":"demand","sourceRef":"4711","category":"ESSENTIAL","priority":"NORMAL",
                 "sender":{"address":"lettings@northside.example","name":"Northside Lettings"},
                 "to":[{"address":"%s","name":"Olivia Brown"}],
                 "subject":"Rent demand 4711","textBody":"Please pay.","htmlBody":"<p>Please pay.</p>",
                 "attachments":[{"filename":"demand-4711.pdf","contentType":"application/pdf","content":"%s"}],
                 "headers":{"X-Demand-No":"4711"}}""".formatted(to, pdf);
    }

    private HttpResponse<String> post(String path, byte[] body, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(API + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String key) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(API + path)).header("Authorization", "Bearer " + key).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    @Test
    void submitThenFollowTheWholeLifeOfTheMessage() throws Exception {
        HttpResponse<String> created = post("messages", message(Fixtures.address("olivia")).getBytes(StandardCharsets.UTF_8),
                account.apiKey());
        assertEquals(201, created.statusCode(), created.body());
        long id = json(created.body()).getJsonNumber("messageId").longValue();
        assertTrue(created.headers().firstValue("Location").orElseThrow().endsWith("/messages/" + id));

        Dispatching.sweep();

        HttpResponse<String> status = get("messages/" + id, account.apiKey());
        assertEquals(200, status.statusCode(), status.body());
        JsonObject view = json(status.body());
        assertEquals("4711", view.getString("sourceRef"));
        assertEquals("demand-4711.pdf", view.getJsonArray("attachments").getString(0));
        JsonObject delivery = view.getJsonArray("deliveries").getJsonObject(0);
        assertEquals("ACCEPTED", delivery.getString("status"));
        JsonArray timeline = delivery.getJsonArray("timeline");
        assertEquals(3, timeline.size());
        assertEquals("PENDING", timeline.getJsonObject(0).getString("status"));
        assertEquals("ACCEPTED", timeline.getJsonObject(2).getString("status"));
        assertTrue(timeline.getJsonObject(2).getString("diagnostic").startsWith("250"));
    }

    @Test
    void theSameIdempotencyKeyReturnsTheFirstReceiptWith200() throws Exception {
        String body = message(Fixtures.address("jack")).replace("\"raisedBy\"", "\"idempotencyKey\":\"k-1\",\"raisedBy\"");
        HttpResponse<String> first = post("messages", body.getBytes(StandardCharsets.UTF_8), account.apiKey());
        HttpResponse<String> second = post("messages", body.getBytes(StandardCharsets.UTF_8), account.apiKey());
        assertEquals(201, first.statusCode());
        assertEquals(200, second.statusCode());
        assertEquals(json(first.body()).getJsonNumber("messageId"), json(second.body()).getJsonNumber("messageId"));
        assertTrue(json(second.body()).getBoolean("duplicate"));
    }

    @Test
    void malformedRequestsGetA400NamingTheField() throws Exception {
        String noSubject = message(Fixtures.address("x")).replace("\"subject\":\"Rent demand 4711\",", "");
        assertFieldError(post("messages", noSubject.getBytes(StandardCharsets.UTF_8), account.apiKey()), "subject");

        byte[] invalidUtf8 = message(Fixtures.address("x")).replace("Please pay.", "Please pay \u00e9.").getBytes(StandardCharsets.ISO_8859_1);
        assertFieldError(post("messages", invalidUtf8, account.apiKey()), "body");

        assertFieldError(post("messages", "{not json".getBytes(StandardCharsets.UTF_8), account.apiKey()), "body");

        String injected = message("olivia@tenant.example\\r\\nBcc: victim@example.org");
        assertFieldError(post("messages", injected.getBytes(StandardCharsets.UTF_8), account.apiKey()), "to[0].address");

        String otherAccount = message(Fixtures.address("x")).replace("{\"raisedBy\"", "{\"account\":\"someone-else\",\"raisedBy\"");
        assertFieldError(post("messages", otherAccount.getBytes(StandardCharsets.UTF_8), account.apiKey()), "account");
    }

    @Test
    void withoutAValidKeyNothingHappensAndOtherAccountsMessagesDoNotExist() throws Exception {
        byte[] body = message(Fixtures.address("x")).getBytes(StandardCharsets.UTF_8);
        assertEquals(401, post("messages", body, null).statusCode());
        assertEquals(401, post("messages", body, "dm_not-a-key").statusCode());

        long id = json(post("messages", body, account.apiKey()).body()).getJsonNumber("messageId").longValue();
        TestAccount other = fixtures.newAccount("rest-other");
        HttpResponse<String> foreign = get("messages/" + id, other.apiKey());
        assertEquals(404, foreign.statusCode());
        assertEquals(404, get("messages/999999999", other.apiKey()).statusCode(), "looks exactly like a missing id");
    }

    @Test
    void cancelAQueuedDeliveryButNotASentOne() throws Exception {
        JsonObject receipt = json(post("messages", message(Fixtures.address("c")).getBytes(StandardCharsets.UTF_8),
                account.apiKey()).body());
        long delivery = receipt.getJsonArray("deliveries").getJsonObject(0).getJsonNumber("deliveryId").longValue();
        HttpResponse<String> cancelled = post("deliveries/" + delivery + "/cancel?user=anna", new byte[0], account.apiKey());
        assertEquals(200, cancelled.statusCode(), cancelled.body());
        assertEquals("CANCELLED", json(cancelled.body()).getString("status"));
        HttpResponse<String> again = post("deliveries/" + delivery + "/cancel", new byte[0], account.apiKey());
        assertEquals(409, again.statusCode(), again.body());
    }

    private static void assertFieldError(HttpResponse<String> response, String field) {
        assertEquals(400, response.statusCode(), response.body());
        JsonArray errors = json(response.body()).getJsonArray("errors");
        assertTrue(errors.stream().map(e -> e.asJsonObject().getString("field")).anyMatch(field::equals),
                () -> "expected an error on " + field + ": " + response.body());
    }
}
