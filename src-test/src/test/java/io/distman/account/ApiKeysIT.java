package io.distman.account;

import static io.distman.testsupport.contract.ApiContract.array;
import static io.distman.testsupport.contract.ApiContract.bearer;
import static io.distman.testsupport.contract.ApiContract.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.testsupport.browser.TestData.Account;
import io.distman.testsupport.contract.ApiTest;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An account's API keys over REST, as an installer's script manages them with an ADMIN-scope key: issued once,
 * kept only as hash and prefix, listed with their last use, revoked with effect on the next request; a SEND key
 * administers nothing, and one account's admin key reaches no other account's keys. Client side: every exchange
 * is also checked against the OpenAPI document ({@link ApiContract}).
 */
public class ApiKeysIT extends ApiTest {


    private static JsonObject issue(String adminKey, String label, String scope) {
        HttpResponse<String> issued = api.call("POST", "account/apikeys", bearer(adminKey),
                "{\"label\":\"" + label + "\",\"scope\":\"" + scope + "\"}");
        assertEquals(201, issued.statusCode(), issued.body());
        assertEquals("no-store", issued.headers().firstValue("Cache-Control").orElse(""));
        return object(issued);
    }

    @Test
    void aKeyIsShownOnceKeptOnlyAsHashAndPrefixAndWorksUntilRevoked() throws Exception {
        Account account = data.newAccount("keys");
        String admin = data.adminKey(account.id());
        JsonObject issued = issue(admin, "billing export", "SEND");
        String key = issued.getString("key");
        JsonObject view = issued.getJsonObject("view");
        assertTrue(key.startsWith("dm_") && key.length() > 40, key);
        assertEquals(key.substring(0, 11), view.getString("prefix"));
        assertEquals("SEND", view.getString("scope"));
        assertFalse(view.containsKey("lastUsedAt"), "never used yet");

        // stored: the SHA-256 and the prefix, never the key
        List<String> stored = data.apiKeyColumns(account.id());
        assertTrue(stored.contains(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(key.getBytes(StandardCharsets.UTF_8)))), stored.toString());
        assertTrue(stored.stream().noneMatch(value -> value.contains(key)), stored.toString());

        // listed without the key, by prefix
        HttpResponse<String> list = api.call("GET", "account/apikeys", bearer(admin), null);
        assertEquals(200, list.statusCode());
        assertFalse(list.body().contains(key));
        JsonObject listed = array(list).stream().map(v -> v.asJsonObject())
                .filter(k -> k.getString("id").equals(view.getString("id"))).findFirst().orElseThrow();
        assertEquals("billing export", listed.getString("label"));

        // used: the key works and its use shows
        assertEquals(404, api.call("GET", "messages/999999999", bearer(key), null).statusCode(), "authenticated, no such message");
        JsonObject used = array(api.call("GET", "account/apikeys", bearer(admin), null)).stream().map(v -> v.asJsonObject())
                .filter(k -> k.getString("id").equals(view.getString("id"))).findFirst().orElseThrow();
        assertNotNull(used.getString("lastUsedAt", null), used.toString());

        // revoked: refused from the next request on
        HttpResponse<String> revoked = api.call("POST", "account/apikeys/" + view.getString("id") + "/revoke", bearer(admin), null);
        assertEquals(200, revoked.statusCode(), revoked.body());
        assertNotNull(object(revoked).getString("revokedAt", null));
        assertEquals(401, api.refused("GET", "messages/999999999", bearer(key), null, null).statusCode());

        List<String> log = data.adminLog(account.id());
        assertTrue(log.stream().anyMatch(l -> l.contains("apikey.issue | " + key.substring(0, 11) + " |")
                && l.contains("'billing export', scope SEND")), log.toString());
        assertTrue(log.stream().anyMatch(l -> l.contains("apikey.revoke | " + key.substring(0, 11) + " | active -> revoked")), log.toString());
        assertTrue(log.stream().noneMatch(l -> l.contains(key)), "never the key in the log");
    }

    @Test
    void aSendKeyAdministersNothing() {
        Account account = data.newAccount("keys-send");
        assertEquals(403, api.call("GET", "account/apikeys", bearer(account.apiKey()), null).statusCode());
        assertEquals(403, api.call("POST", "account/apikeys", bearer(account.apiKey()), "{\"label\":\"x\",\"scope\":\"ADMIN\"}")
                .statusCode(), "a SEND key cannot make itself an ADMIN key");
        assertTrue(data.adminLog(account.id()).stream().noneMatch(line -> line.contains("apikey.")));
    }

    @Test
    void anAdminKeyReachesOnlyItsOwnAccountsKeys() {
        Account a = data.newAccount("keys-a");
        Account b = data.newAccount("keys-b");
        String adminA = data.adminKey(a.id());
        String adminB = data.adminKey(b.id());
        String idOfB = issue(adminB, "b's script", "SEND").getJsonObject("view").getString("id");

        assertEquals(404, api.call("POST", "account/apikeys/" + idOfB + "/revoke", bearer(adminA), null).statusCode());
        assertFalse(api.call("GET", "account/apikeys", bearer(adminA), null).body().contains(idOfB));
        assertTrue(api.call("GET", "account/apikeys", bearer(adminB), null).body().contains(idOfB), "still there, not revoked");
        assertFalse(api.call("GET", "account/apikeys", bearer(adminB), null).body().contains("revokedAt"));
    }

    @Test
    void aLabelIsRequiredAndBoundedAndAnUnknownScopeIsNamed() {
        String admin = data.adminKey(data.newAccount("keys-bad").id());
        assertField(api.call("POST", "account/apikeys", bearer(admin), "{\"label\":\"  \"}"), "label");
        assertField(api.refused("POST", "account/apikeys", bearer(admin), "application/json", "{\"label\":\"" + "x".repeat(101) + "\"}"), "label");
        assertField(api.refused("POST", "account/apikeys", bearer(admin), "application/json", "{\"label\":\"x\",\"scope\":\"ROOT\"}"), "scope");
    }

    private static void assertField(HttpResponse<String> response, String field) {
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(object(response).getJsonArray("errors").stream()
                .anyMatch(e -> e.asJsonObject().getString("field").equals(field)), response.body());
    }

}
