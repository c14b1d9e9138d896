package io.distman.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.testsupport.browser.ScreenTest;
import io.distman.testsupport.browser.TestData.Account;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The sending set-up over REST ({@code /api/v1/admin/...}) for an installer's scripts: only with an ADMIN-scope API
 * key, for the key's own account; strict JSON with errors naming the field; secrets never in an answer.
 * Client side (the deployment of the browser tests, whose fixtures give accounts and keys).
 */
public class SendingSetupApiIT extends ScreenTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final String SECRET = "api-Secret-relay-9911";

    private static HttpResponse<String> call(String method, String path, String key, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE + "api/v1/" + path)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonValue json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readValue();
    }

    private static String adminKey(Account account) throws Exception {
        String key = data.adminKey(account.id());
        Assumptions.assumeFalse(call("GET", "admin/transport", key, null).statusCode() == 403,
                "ADMIN-scope API keys come with branch keys: until merged, the fixture's key is a plain one");
        return key;
    }

    @Test
    void anOrdinaryKeyIsRefusedAndNoKeyIsUnauthorized() throws Exception {
        Account account = newAccount("api-plain");
        for (String path : new String[]{"admin/transport", "admin/identities", "admin/tracking", "admin/webhooks"}) {
            HttpResponse<String> refused = call("GET", path, account.apiKey(), null);
            assertEquals(403, refused.statusCode(), path + ": " + refused.body());
            assertEquals("forbidden", ((JsonObject) json(refused)).getString("error"));
            assertEquals(401, call("GET", path, null, null).statusCode(), path);
        }
        assertEquals(403, call("PUT", "admin/transport", account.apiKey(), "{\"mode\":\"INSTALLATION\"}").statusCode());
    }

    @Test
    void anAdminKeySetsTheRelayWithoutEverSeeingThePasswordAgain() throws Exception {
        Account account = newAccount("api-relay");
        String key = adminKey(account);
        HttpResponse<String> saved = call("PUT", "admin/transport", key, """
                {"mode":"RELAY","relay":{"host":"localhost","port":3025,"security":"NONE","username":"billing","password":"%s"}}"""
                .formatted(SECRET));
        assertEquals(200, saved.statusCode(), saved.body());
        JsonObject transport = (JsonObject) json(saved);
        assertEquals("RELAY", transport.getString("mode"));
        assertTrue(transport.getJsonObject("relay").containsKey("passwordSetAt"));
        assertFalse(saved.body().contains(SECRET));
        assertFalse(call("GET", "admin/transport", key, null).body().contains(SECRET));

        HttpResponse<String> badPort = call("PUT", "admin/transport", key,
                "{\"mode\":\"RELAY\",\"relay\":{\"host\":\"localhost\",\"port\":0,\"security\":\"NONE\"}}");
        assertEquals(400, badPort.statusCode(), badPort.body());
        assertEquals("relay.port", ((JsonObject) json(badPort)).getJsonArray("errors").getJsonObject(0).getString("field"));

        HttpResponse<String> unknown = call("PUT", "admin/transport", key, "{\"mode\":\"RELAY\",\"relai\":{}}");
        assertEquals(400, unknown.statusCode(), unknown.body());
        assertEquals("relai", ((JsonObject) json(unknown)).getJsonArray("errors").getJsonObject(0).getString("field"));

        HttpResponse<String> test = call("POST", "admin/transport/test", key,
                "{\"host\":\"localhost\",\"port\":3025,\"security\":\"NONE\"}");
        assertEquals(200, test.statusCode(), test.body());
        assertTrue(((JsonObject) json(test)).getBoolean("ok"), test.body());
    }

    @Test
    void anAdminKeyAddsADomainSetsAWebhookKeyAndTracking() throws Exception {
        Account account = newAccount("api-identity");
        String key = adminKey(account);
        String domain = account.code().toLowerCase() + ".example";
        HttpResponse<String> added = call("POST", "admin/identities", key, "{\"domain\":\"" + domain + "\"}");
        assertEquals(201, added.statusCode(), added.body());
        assertTrue(added.body().contains("_distman." + domain) && added.body().contains("v=DKIM1"), added.body());
        HttpResponse<String> again = call("POST", "admin/identities", key, "{\"domain\":\"" + domain + "\"}");
        assertEquals(400, again.statusCode(), again.body());
        assertEquals("domain", ((JsonObject) json(again)).getJsonArray("errors").getJsonObject(0).getString("field"));

        HttpResponse<String> webhook = call("PUT", "admin/webhooks/mailgun", key, "{\"signingKey\":\"" + SECRET + "\"}");
        assertEquals(200, webhook.statusCode(), webhook.body());
        assertFalse(webhook.body().contains(SECRET));
        assertTrue(webhook.body().contains(BASE + "api/v1/webhooks/mailgun/" + account.code()), webhook.body());

        HttpResponse<String> tracking = call("PUT", "admin/tracking", key, "{\"category\":\"BULK\",\"opens\":false,\"clicks\":false}");
        assertEquals(200, tracking.statusCode(), tracking.body());
        assertFalse(((JsonObject) json(tracking)).getJsonObject("BULK").getBoolean("opens"));
        HttpResponse<String> noClicks = call("PUT", "admin/tracking", key, "{\"category\":\"BULK\",\"opens\":false}");
        assertEquals("clicks", ((JsonObject) json(noClicks)).getJsonArray("errors").getJsonObject(0).getString("field"));
    }
}
