package io.distman.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.testsupport.Deployments;
import io.distman.testsupport.TestEnvironment;
import io.distman.testsupport.ejb.Fixtures;
import io.distman.testsupport.ejb.Fixtures.TestAccount;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The REST API's hardening (issue 11, part 5): a misspelt or unknown field is a 400 naming it (even in a 20 MB
 * request, which is not stored), a wrong enum value a 400 listing the allowed ones, no error body names a Java
 * class, JAX-RS's own 404/405/415 and paths beside the API answer JSON, and an action's body is bounded.
 */
@ExtendWith(ArquillianExtension.class)
public class ApiHardeningIT {

    private static final String API = TestEnvironment.baseUrl() + "api/v1/";

    @Deployment
    public static EnterpriseArchive deployment() {
        return Deployments.ear(ApiHardeningIT.class);
    }

    @EJB
    Fixtures fixtures;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private TestAccount account;

    @BeforeEach
    void setUp() {
        account = fixtures.newAccount("hardening");
    }

    private static String message(String extra) {
        return """
                {"raisedBy":"anna","sourceModule":"demand","sourceRef":"1","category":"ESSENTIAL",%s
                 "sender":{"address":"lettings@northside.example","name":"Northside Lettings"},
                 "to":[{"address":"olivia@tenant.example","name":"Olivia Brown"}],
                 "subject":"Rent demand","textBody":"Please pay."}""".formatted(extra);
    }

    private HttpResponse<String> send(String method, String path, String contentType, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(API + path)).header("Authorization", "Bearer " + account.apiKey())
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postJson(String path, String json) throws Exception {
        return send("POST", path, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    /** A JSON error body that names no Java class, package or exception. */
    private static JsonObject jsonError(HttpResponse<String> response, int status) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), response.headers().map().toString());
        for (String leak : List.of("io.distman", "java.", "jakarta.", "Exception", "class ", "GlassFish")) {
            assertFalse(response.body().contains(leak), "names '" + leak + "': " + response.body());
        }
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private static void namesField(JsonObject error, String field, String message) {
        JsonObject first = error.getJsonArray("errors").getJsonObject(0);
        assertEquals(field, first.getString("field"), error.toString());
        assertTrue(first.getString("message").startsWith(message), error.toString());
    }

    @Test
    void aMisspeltFieldIsRefusedNamingItAndNothingIsStored() throws Exception {
        long before = fixtures.count("message");
        namesField(jsonError(postJson("messages", message("\"sendAtt\":\"2030-01-01T00:00:00Z\",")), 400), "sendAtt", "is not a known field");
        namesField(jsonError(postJson("messages", message("").replace("\"name\":\"Olivia Brown\"", "\"nmae\":\"Olivia Brown\"")), 400),
                "to.nmae", "is not a known field");
        assertEquals(before, fixtures.count("message"));
    }

    @Test
    void aTwentyMegabyteRequestWithAnUnknownFieldIsRefusedAndNotStored() throws Exception {
        long before = fixtures.count("message");
        String padding = "x".repeat(20 * 1024 * 1024);
        namesField(jsonError(postJson("messages", message("\"notes\":\"" + padding + "\",")), 400), "notes", "is not a known field");
        assertEquals(before, fixtures.count("message"));
    }

    @Test
    void aWrongEnumValueListsTheAllowedOnesWithoutAClassName() throws Exception {
        namesField(jsonError(postJson("messages", message("").replace("\"ESSENTIAL\"", "\"URGENTLY\"")), 400),
                "category", "must be one of TRANSACTIONAL, ESSENTIAL, BULK");
        namesField(jsonError(postJson("messages", message("\"priority\":5,")), 400), "priority", "must be one of");
        namesField(jsonError(postJson("messages", message("\"sendAt\":\"tomorrow\",")), 400), "sendAt", "must be a date and time");
        namesField(jsonError(postJson("messages", "[1,2]"), 400), "body", "must be a JSON object");
    }

    @Test
    void jaxRsRefusalsAreJson() throws Exception {
        JsonObject notFound = jsonError(send("GET", "no-such-thing", null, null), 404);
        assertEquals("not_found", notFound.getString("error"));

        HttpResponse<String> wrongMethod = send("DELETE", "messages", null, null);
        jsonError(wrongMethod, 405);
        assertTrue(wrongMethod.headers().firstValue("Allow").orElse("").contains("POST"), wrongMethod.headers().map().toString());

        JsonObject wrongType = jsonError(send("POST", "messages", "text/plain", message("").getBytes(StandardCharsets.UTF_8)), 415);
        assertEquals("Content-Type", wrongType.getJsonArray("errors").getJsonObject(0).getString("field"));

        HttpResponse<String> beside = http.send(HttpRequest.newBuilder(URI.create(TestEnvironment.baseUrl() + "api/v2/messages")).build(),
                HttpResponse.BodyHandlers.ofString());
        jsonError(beside, 404);
    }

    @Test
    void aResendBodyIsBoundedAndItsFieldsChecked() throws Exception {
        long delivery = Json.createReader(new StringReader(postJson("messages", message("")).body())).readObject()
                .getJsonArray("deliveries").getJsonObject(0).getJsonNumber("deliveryId").longValue();
        String big = "{\"user\":\"anna\",\"address\":\"" + "a".repeat(100 * 1024) + "@x.example\"}";
        JsonObject tooLarge = jsonError(postJson("deliveries/" + delivery + "/resend", big), 413);
        assertEquals("body", tooLarge.getJsonArray("errors").getJsonObject(0).getString("field"));
        namesField(jsonError(postJson("deliveries/" + delivery + "/resend", "{\"adress\":\"new@tenant.example\"}"), 400),
                "adress", "is not a known field");
    }

    @Test
    void apiResponsesCarryTheFrameHeaders() throws Exception {
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(API + "health")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals("DENY", health.headers().firstValue("X-Frame-Options").orElse(null));
        assertTrue(health.headers().allValues("Content-Security-Policy").contains("frame-ancestors 'none'"), health.headers().map().toString());
    }
}
