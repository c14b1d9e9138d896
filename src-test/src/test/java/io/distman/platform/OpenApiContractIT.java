package io.distman.platform;

import static io.distman.testsupport.contract.ApiContract.bearer;
import static io.distman.testsupport.contract.ApiContract.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.testsupport.TestEnvironment;
import io.distman.testsupport.browser.TestData.Account;
import io.distman.testsupport.contract.ApiTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The served OpenAPI document against the real API: the messages API's whole round (submit, read, cancel), its
 * refusals (400, 401, 403, 404, 409, 415) and the health probe, each request and response checked by Atlassian's
 * swagger-request-validator ({@link ApiContract}). A response the document does not describe (a field it lacks, a
 * status it does not list, a wrong type) fails here. The keys' and the operator's endpoints are checked the same
 * way in ApiKeysIT and InstallationIT.
 */
public class OpenApiContractIT extends ApiTest {


    private static String message(String subject) {
        return """
                {"raisedBy":"anna","sourceModule":"demand","sourceRef":"4711","category":"ESSENTIAL","priority":"NORMAL",
                 "sender":{"address":"lettings@northside.example","name":"Northside Lettings"},
                 "to":[{"address":"olivia@tenant.example.org","name":"Olivia Brown"}],"cc":[{"name":"No Address"}],
                 "subject":"%s","textBody":"Please pay.","htmlBody":"<p>Please pay.</p>",
                 "attachments":[{"filename":"demand.pdf","contentType":"application/pdf","content":"JVBERi0xLjQ="}],
                 "headers":{"X-Demand-No":"4711"},"idempotencyKey":"%s"}""".formatted(subject, subject);
    }

    @Test
    void theDocumentIsPublicYaml() throws Exception {
        HttpResponse<String> document = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(TestEnvironment.baseUrl() + "api/v1/openapi.yaml")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, document.statusCode());
        assertTrue(document.headers().firstValue("Content-Type").orElse("").startsWith("application/yaml"));
        assertTrue(document.body().startsWith("openapi: 3."));
        assertEquals(200, api.call("GET", "health", (String) null, null).statusCode());
    }

    @Test
    void submitReadCancelAndTheRefusalsMatchTheDocument() {
        Account account = data.newAccount("contract");
        String key = bearer(account.apiKey());
        String subject = "contract-" + System.nanoTime();

        HttpResponse<String> created = api.call("POST", "messages", key, message(subject));
        assertEquals(201, created.statusCode(), created.body());
        long id = object(created).getJsonNumber("messageId").longValue();
        assertEquals(200, api.call("POST", "messages", key, message(subject)).statusCode(), "the idempotency key's repeat");

        data.sweep();
        HttpResponse<String> read = api.call("GET", "messages/" + id, key, null);
        assertEquals(200, read.statusCode(), read.body());
        HttpResponse<String> later = api.call("POST", "messages", key, message(subject + "-later").replace("\"idempotencyKey\"",
                "\"sendAt\":\"" + java.time.Instant.now().plus(java.time.Duration.ofDays(1)) + "\",\"idempotencyKey\""));
        assertEquals(201, later.statusCode(), later.body());
        long queued = object(later).getJsonArray("deliveries").getJsonObject(0).getJsonNumber("deliveryId").longValue();
        assertEquals(200, api.call("POST", "deliveries/" + queued + "/cancel", Map.of("user", "anna"), key).statusCode());
        assertEquals(409, api.call("POST", "deliveries/" + queued + "/cancel", Map.of(), key).statusCode());

        // refusals: every one in the document's error body
        assertEquals(400, api.refused("POST", "messages", key, "application/json", message(subject).replace("\"subject\"", "\"subjekt\""))
                .statusCode());
        assertEquals(401, api.refused("GET", "messages/" + id, null, null, null).statusCode());
        assertEquals(401, api.refused("GET", "messages/" + id, bearer("dm_not-a-key"), null, null).statusCode());
        assertEquals(403, api.call("GET", "account/apikeys", key, null).statusCode(), "a SEND key");
        assertEquals(404, api.call("GET", "messages/" + id, bearer(data.newAccount("contract-other").apiKey()), null).statusCode());
        assertEquals(415, api.refused("POST", "messages", key, "text/plain", "hello").statusCode());
    }

}
