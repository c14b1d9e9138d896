package io.distman.account;

import static io.distman.testsupport.contract.ApiContract.array;
import static io.distman.testsupport.contract.ApiContract.basic;
import static io.distman.testsupport.contract.ApiContract.bearer;
import static io.distman.testsupport.contract.ApiContract.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.testsupport.browser.TestData.Account;
import io.distman.testsupport.contract.ApiTest;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The installation operator's API (HTTP Basic as an operator user): only operators get in, accounts are created
 * with a checked code, and a suspended account's keys are refused with a clear error until it is reactivated.
 * Every exchange is also checked against the OpenAPI document.
 */
public class InstallationIT extends ApiTest {

    private static final String PASSWORD = "quiet-harbour-lantern-42";
    private static Account home;
    private static String operator;

    @BeforeAll
    static void setUp() {
        home = data.newAccount("ops-home");
        operator = data.newUser(home.id(), "operator", "OPERATOR", PASSWORD);
    }

    private static String code() {
        return "acme-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void onlyOperatorsGetIn() {
        assertEquals(401, api.refused("GET", "installation/accounts", null, null, null).statusCode());
        HttpResponse<String> wrong = api.refused("GET", "installation/accounts", basic(operator, "not-the-password"), null, null);
        assertEquals(401, wrong.statusCode());
        assertTrue(wrong.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
        assertEquals(401, api.refused("GET", "installation/accounts", bearer(data.adminKey(home.id())), null, null).statusCode(),
                "an account's key is no operator");
        String admin = data.newUser(home.id(), "admin", "ADMIN", PASSWORD);
        String agent = data.newUser(home.id(), "agent", "AGENT", PASSWORD);
        assertEquals(403, api.call("GET", "installation/accounts", basic(admin, PASSWORD), null).statusCode());
        assertEquals(403, api.call("POST", "installation/accounts", basic(agent, PASSWORD),
                "{\"code\":\"" + code() + "\",\"name\":\"Nope\"}").statusCode());

        HttpResponse<String> list = api.call("GET", "installation/accounts", basic(operator, PASSWORD), null);
        assertEquals(200, list.statusCode(), list.body());
        assertTrue(array(list).stream().anyMatch(a -> a.asJsonObject().getString("code").equals(home.code())));
    }

    @Test
    void anAccountIsCreatedWithACheckedCodeAndItsFirstAdmin() throws Exception {
        String code = code();
        HttpResponse<String> created = api.call("POST", "installation/accounts", basic(operator, PASSWORD),
                "{\"code\":\"" + code + "\",\"name\":\"Acme Lettings\"}");
        assertEquals(201, created.statusCode(), created.body());
        assertTrue(created.headers().firstValue("Location").orElseThrow().endsWith("/installation/accounts/" + code));
        assertEquals(0, object(created).getJsonNumber("users").longValue());

        assertField(api.call("POST", "installation/accounts", basic(operator, PASSWORD),
                "{\"code\":\"" + code + "\",\"name\":\"Again\"}"), "code", "already in use");
        assertField(api.refused("POST", "installation/accounts", basic(operator, PASSWORD), "application/json",
                "{\"code\":\"Bad Code!\",\"name\":\"x\"}"), "code", "lower-case");
        assertField(api.call("POST", "installation/accounts", basic(operator, PASSWORD),
                "{\"code\":\"" + code() + "\",\"name\":\"\"}"), "name", "required");

        String admin = "first-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> withAdmin = api.call("POST", "installation/accounts/" + code + "/admins", basic(operator, PASSWORD),
                "{\"username\":\"" + admin + "\",\"displayName\":\"First Admin\",\"password\":\"" + PASSWORD + "\"}");
        assertEquals(201, withAdmin.statusCode(), withAdmin.body());
        assertEquals(1, object(withAdmin).getJsonNumber("users").longValue());
        // the new admin's password works: authenticated (not 401), but no operator (403)
        assertEquals(403, api.call("GET", "installation/accounts", basic(admin, PASSWORD), null).statusCode());
        assertField(api.call("POST", "installation/accounts/" + code + "/admins", basic(operator, PASSWORD),
                "{\"username\":\"w-" + admin + "\",\"displayName\":\"Weak\",\"password\":\"short\"}"), "password", "");

        // Better: an invited admin, who chooses their own password with a one-time link; the operator never knows it.
        String invited = "invited-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> invitation = api.call("POST", "installation/accounts/" + code + "/admins", basic(operator, PASSWORD),
                "{\"username\":\"" + invited + "\",\"displayName\":\"Invited Admin\"}");
        assertEquals(201, invitation.statusCode(), invitation.body());
        assertEquals(invited, object(invitation).getString("username"));
        assertFalse(object(invitation).containsKey("mailedTo"), "no address given, so the link is only answered: " + invitation.body());
        String link = object(invitation).getString("link");
        assertTrue(link.contains("/invite.xhtml?token="), link);
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(link)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<b id=\"username\">" + invited + "</b>"), "the link opens the set-password form");
        assertEquals(401, api.refused("GET", "installation/accounts", basic(invited, PASSWORD), null, null).statusCode(),
                "no password until the admin chooses one");
        assertField(api.call("POST", "installation/accounts/" + code + "/admins", basic(operator, PASSWORD),
                "{\"username\":\"" + invited + "\",\"displayName\":\"Again\"}"), "username", "already in use");
        assertField(api.call("POST", "installation/accounts/" + code + "/admins", basic(operator, PASSWORD),
                "{\"username\":\"x-" + invited + "\",\"displayName\":\"Bad\",\"email\":\"not-an-address\"}"), "email", "");

        HttpResponse<String> renamed = api.call("POST", "installation/accounts/" + code + "/rename", basic(operator, PASSWORD),
                "{\"name\":\"Acme Lettings Ltd\"}");
        assertEquals("Acme Lettings Ltd", object(renamed).getString("name"));
        assertEquals(404, api.call("GET", "installation/accounts/no-such-" + code, basic(operator, PASSWORD), null).statusCode());

        List<String> log = data.adminLog(null);
        assertTrue(log.contains(operator + " | account.create | " + code + " | null -> Acme Lettings"), log.toString());
        assertTrue(log.contains(operator + " | account.name | " + code + " | Acme Lettings -> Acme Lettings Ltd"), log.toString());
        assertTrue(log.stream().anyMatch(l -> l.startsWith(operator + " | user.create | " + code + "/" + admin)), log.toString());
        assertTrue(log.stream().anyMatch(l -> l.startsWith(operator + " | user.create | " + code + "/" + invited)
                && l.contains("invited: link issued")), log.toString());
        assertTrue(log.stream().noneMatch(l -> l.contains(PASSWORD)));
    }

    @Test
    void aSuspendedAccountsKeysAreRefusedUntilItIsReactivated() {
        Account account = data.newAccount("ops-suspend");
        String message = """
                {"raisedBy":"anna","category":"TRANSACTIONAL","sender":{"address":"lettings@northside.example"},
                 "to":[{"address":"x@tenant.example.org"}],"subject":"Hello","textBody":"Hi"}""";
        assertEquals(201, api.call("POST", "messages", bearer(account.apiKey()), message).statusCode());

        JsonObject suspended = object(api.call("POST", "installation/accounts/" + account.code() + "/suspend", basic(operator, PASSWORD), null));
        assertTrue(suspended.containsKey("suspendedAt"));
        HttpResponse<String> refused = api.call("POST", "messages", bearer(account.apiKey()), message);
        assertEquals(403, refused.statusCode(), refused.body());
        assertEquals("account_suspended", object(refused).getString("error"));
        assertTrue(object(refused).getString("message").contains("suspended"));

        JsonObject active = object(api.call("POST", "installation/accounts/" + account.code() + "/reactivate", basic(operator, PASSWORD), null));
        assertFalse(active.containsKey("suspendedAt"));
        assertEquals(201, api.call("POST", "messages", bearer(account.apiKey()), message).statusCode());
        List<String> log = data.adminLog(null);
        assertTrue(log.contains(operator + " | account.suspend | " + account.code() + " | active -> suspended"), log.toString());
        assertTrue(log.contains(operator + " | account.reactivate | " + account.code() + " | suspended -> active"), log.toString());
    }

    private static void assertField(HttpResponse<String> response, String field, String says) {
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(object(response).getJsonArray("errors").stream().map(e -> e.asJsonObject())
                .anyMatch(e -> e.getString("field").equals(field) && e.getString("message").contains(says)), response.body());
    }

}
