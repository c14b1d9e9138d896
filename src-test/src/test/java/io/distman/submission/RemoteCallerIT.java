package io.distman.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.testsupport.Deployments;
import io.distman.testsupport.TestEnvironment;
import io.distman.testsupport.browser.TestData.Account;
import io.distman.testsupport.browser.TestData;
import io.distman.testsupport.contract.ApiContract;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A module in another JVM (this test runs in the Maven JVM, not in GlassFish) calls the service the only
 * way there is from outside: the REST API with its API key (the remote EJB view is gone; ArchitectureTest
 * keeps it gone). No credentials: refused. Module A's key cannot read, submit, cancel or resend for agency
 * B; for its own agency it can, and the timeline names the key and the person it acted for.
 */
@ExtendWith(ArquillianExtension.class)
public class RemoteCallerIT {

    private static final String API = TestEnvironment.baseUrl() + "api/v1/";

    @Deployment(testable = false)
    public static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    private final TestData data = new TestData(url(TestEnvironment.baseUrl()));
    Account a;
    Account b;

    @BeforeEach
    void setUp() {
        a = data.newAccount("remote-a");
        b = data.newAccount("remote-b");
    }

    private static String message(String account) {
        return """
                {%s"raisedBy":"anna","sourceModule":"demand","sourceRef":"9","category":"ESSENTIAL",
                 "sender":{"address":"lettings@northside.example","name":"Northside Lettings"},
                 "to":[{"address":"olivia.remote@tenant.example","name":"Olivia"}],
                 "subject":"Rent demand","textBody":"Please pay."}""".formatted(account == null ? "" : "\"account\":\"" + account + "\",");
    }

    private static HttpResponse<String> call(String method, String path, String body, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(API + path)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        // A client per call: the server may close a connection after a refusal, and a POST is not retried.
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private static long deliveryOf(JsonObject receipt) {
        return receipt.getJsonArray("deliveries").getJsonObject(0).getJsonNumber("deliveryId").longValue();
    }

    @Test
    void withoutCredentialsEverythingIsRefused() throws Exception {
        JsonObject ofA = data.submit(a, message(null));
        long message = ofA.getJsonNumber("messageId").longValue();
        long delivery = deliveryOf(ofA);
        for (String key : new String[] {null, "dm_not-a-key"}) {
            assertEquals(401, call("POST", "messages", message(a.code()), key).statusCode());
            assertEquals(401, call("GET", "messages/" + message, null, key).statusCode());
            assertEquals(401, call("POST", "deliveries/" + delivery + "/cancel", null, key).statusCode());
            assertEquals(401, call("POST", "deliveries/" + delivery + "/resend", "{}", key).statusCode());
        }
        assertEquals("PENDING", status(a, message));
    }

    @Test
    void moduleACannotReadSubmitCancelOrResendForAgencyB() throws Exception {
        JsonObject ofB = data.submit(b, message(null));
        long message = ofB.getJsonNumber("messageId").longValue();
        long delivery = deliveryOf(ofB);

        HttpResponse<String> submit = call("POST", "messages", message(b.code()), a.apiKey());
        assertEquals(400, submit.statusCode(), submit.body());
        assertTrue(submit.body().contains("\"field\":\"account\""), submit.body());
        assertEquals(404, call("GET", "messages/" + message, null, a.apiKey()).statusCode());
        assertEquals(404, call("POST", "deliveries/" + delivery + "/cancel?user=" + "hugo", null, a.apiKey()).statusCode());
        assertEquals(404, call("POST", "deliveries/" + delivery + "/resend",
                "{\"address\":\"outsider@attacker.example\"}", a.apiKey()).statusCode());

        JsonObject view = json(call("GET", "messages/" + message, null, b.apiKey()));
        assertEquals(1, view.getJsonArray("deliveries").size(), "no resend was added to B's message");
        assertEquals("PENDING", view.getJsonArray("deliveries").getJsonObject(0).getString("status"));
    }

    @Test
    void moduleACanForItsOwnAgencyAndTheTimelineNamesTheKeyAndThePerson() throws Exception {
        HttpResponse<String> submitted = call("POST", "messages", message(null), a.apiKey());
        assertEquals(201, submitted.statusCode(), submitted.body());
        long message = json(submitted).getJsonNumber("messageId").longValue();
        long delivery = deliveryOf(json(submitted));

        assertEquals(200, call("GET", "messages/" + message, null, a.apiKey()).statusCode());
        HttpResponse<String> cancelled = call("POST", "deliveries/" + delivery + "/cancel?user=jsmith", null, a.apiKey());
        assertEquals(200, cancelled.statusCode(), cancelled.body());
        HttpResponse<String> resent = call("POST", "deliveries/" + delivery + "/resend", "{\"user\":\"jsmith\"}", a.apiKey());
        assertEquals(201, resent.statusCode(), resent.body());

        String timeline = call("GET", "messages/" + message, null, a.apiKey()).body();
        assertTrue(timeline.contains("cancelled by API key 'test' for jsmith"), timeline);
        assertTrue(timeline.contains("resent by API key 'test' for jsmith"), timeline);
    }

    /**
     * A batch: every message checked before any is stored (one bad field anywhere refuses all, naming it), a
     * repeated key answered with the first receipt, another agency's messages refused whole, the answer as the
     * OpenAPI document says.
     */
    @Test
    void aBatchIsStoredWholeOrNotAtAll() throws Exception {
        String ref = "batch-" + System.nanoTime();
        String good = batchItem(ref + "-1", "olivia.batch@tenant.example", null);
        String bad = batchItem(ref + "-2", "not an address", null);
        ApiContract contract = ApiContract.of(TestEnvironment.baseUrl());
        HttpResponse<String> refused = contract.refused("POST", "messages/batch", ApiContract.bearer(a.apiKey()),
                "application/json", "{\"messages\":[" + good + "," + batchItem(ref + "-3", "x@tenant.example", "\"" + b.code() + "\"")
                        + "," + bad.replace("\"subject\":\"Rent demand\"", "\"subject\":\"\"") + "]}");
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("\"field\":\"messages[1].account\""), refused.body());
        HttpResponse<String> invalid = contract.refused("POST", "messages/batch", ApiContract.bearer(a.apiKey()),
                "application/json", "{\"messages\":[" + good + "," + bad.replace("\"subject\":\"Rent demand\"", "\"subject\":\"\"") + "]}");
        assertEquals(400, invalid.statusCode(), invalid.body());
        assertTrue(invalid.body().contains("\"field\":\"messages[1].subject\""), invalid.body());

        HttpResponse<String> stored = contract.call("POST", "messages/batch", ApiContract.bearer(a.apiKey()),
                "{\"messages\":[" + good + "," + batchItem(ref + "-4", "peter.batch@tenant.example", null) + "]}");
        assertEquals(200, stored.statusCode(), stored.body());
        var receipts = ApiContract.object(stored).getJsonArray("receipts");
        assertEquals(2, receipts.size());
        assertFalse(receipts.getJsonObject(0).getBoolean("duplicate"), "the good message of a refused batch was not stored");
        long first = receipts.getJsonObject(0).getJsonNumber("messageId").longValue();
        assertEquals("olivia.batch@tenant.example", json(call("GET", "messages/" + first, null, a.apiKey()))
                .getJsonArray("deliveries").getJsonObject(0).getString("address"));
        assertEquals("PENDING", status(a, receipts.getJsonObject(1).getJsonNumber("messageId").longValue()));

        HttpResponse<String> again = contract.call("POST", "messages/batch", ApiContract.bearer(a.apiKey()),
                "{\"messages\":[" + good + "]}");
        assertEquals(200, again.statusCode(), again.body());
        JsonObject repeat = ApiContract.object(again).getJsonArray("receipts").getJsonObject(0);
        assertTrue(repeat.getBoolean("duplicate"), again.body());
        assertEquals(first, repeat.getJsonNumber("messageId").longValue());
        HttpResponse<String> repeated = contract.refused("POST", "messages/batch", ApiContract.bearer(a.apiKey()),
                "application/json", "{\"messages\":[" + batchItem(ref + "-5", "x@tenant.example", null) + ","
                        + batchItem(ref + "-5", "y@tenant.example", null) + "]}");
        assertEquals(400, repeated.statusCode(), repeated.body());
        assertTrue(repeated.body().contains("\"field\":\"messages[1].idempotencyKey\""), repeated.body());
        assertEquals(401, call("POST", "messages/batch", "{\"messages\":[" + good + "]}", null).statusCode());
    }

    private static String batchItem(String key, String to, String account) {
        return """
                {%s"raisedBy":"anna","sourceModule":"demand","sourceRef":"%s","category":"TRANSACTIONAL",
                 "sender":{"address":"lettings@northside.example","name":"Northside Lettings"},
                 "to":[{"address":"%s"}],"subject":"Rent demand","textBody":"Please pay.","idempotencyKey":"%s"}"""
                .formatted(account == null ? "" : "\"account\":" + account + ",", key, to, key);
    }

    private String status(Account account, long message) throws Exception {
        return json(call("GET", "messages/" + message, null, account.apiKey())).getJsonArray("deliveries").getJsonObject(0)
                .getString("status");
    }

    private static URL url(String url) {
        try {
            return URI.create(url).toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
