package io.distman.preference;

import static io.distman.testsupport.contract.ApiContract.bearer;
import static io.distman.testsupport.contract.ApiContract.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.testsupport.browser.TestData.Account;
import io.distman.testsupport.contract.ApiTest;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * Support's REST for recipient preferences and the submission's {@code essentialReason}, every request and response
 * checked against the served OpenAPI document: read the defaults, set an opt-out and a weekly digest, read the audit
 * trail; the refusals name their field; a SEND-scope key is refused.
 */
public class PreferenceApiIT extends ApiTest {

    @Test
    void supportReadsAndSetsAnAddressesPreferences() {
        Account account = data.newAccount("prefapi");
        String admin = bearer(data.adminKey(account.id()));
        String address = "Reader." + System.nanoTime() + "@Tenant.example.org";
        String path = "admin/preferences/" + address;

        JsonObject defaults = object(api.call("GET", path, admin, null)).getJsonObject("preference");
        assertFalse(defaults.getBoolean("optedOut"));
        assertEquals("NONE", defaults.getString("digest"));
        assertEquals(address.toLowerCase(java.util.Locale.ROOT), defaults.getString("address"));

        HttpResponse<String> set = api.call("PUT", path, admin, """
                {"optedOut":true,"digest":"WEEKLY","digestWeekday":"FRIDAY","digestTime":"07:30","digestZone":"Europe/London"}""");
        assertEquals(200, set.statusCode(), set.body());
        JsonObject preference = object(set).getJsonObject("preference");
        assertTrue(preference.getBoolean("optedOut"));
        assertEquals("FRIDAY", preference.getString("digestWeekday"));
        assertTrue(preference.containsKey("nextDigestAt"));
        assertTrue(preference.getString("changedBy").startsWith("API key"), set.body());
        assertEquals(5, object(set).getJsonArray("changes").size(), "one audit row per changed field: " + set.body());

        HttpResponse<String> bad = api.call("PUT", path, admin, "{\"optedOut\":false,\"digest\":\"DAILY\",\"digestTime\":\"07:30\"}");
        assertEquals(400, bad.statusCode());
        assertEquals("digestZone", object(bad).getJsonArray("errors").getJsonObject(0).getString("field"));
        HttpResponse<String> badAddress = api.refused("GET", "admin/preferences/not-an-address", admin, null, null);
        assertEquals(400, badAddress.statusCode());
        assertEquals("address", object(badAddress).getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals(5, object(api.call("GET", path, admin, null)).getJsonArray("changes").size(), "nothing half-written");

        String send = bearer(account.apiKey());
        assertEquals(403, api.call("GET", path, send, null).statusCode());
        assertEquals(401, api.refused("GET", path, null, null, null).statusCode());
    }

    @Test
    void essentialReasonIsPartOfTheSubmissionAndOnlyForEssentialMail() {
        Account account = data.newAccount("prefapi");
        String key = bearer(account.apiKey());
        String message = """
                {"raisedBy":"anna","category":"%s","sender":{"address":"lettings@northside.example"},
                 "to":[{"address":"olivia@tenant.example.org"}],"subject":"Notice","textBody":"Text.",
                 "essentialReason":"statutory notice"}""";
        HttpResponse<String> essential = api.call("POST", "messages", key, message.formatted("ESSENTIAL"));
        assertEquals(201, essential.statusCode(), essential.body());
        HttpResponse<String> bulk = api.call("POST", "messages", key, message.formatted("BULK"));
        assertEquals(400, bulk.statusCode());
        assertEquals("essentialReason", object(bulk).getJsonArray("errors").getJsonObject(0).getString("field"));
    }
}
