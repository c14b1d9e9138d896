package io.distman.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.account.entity.UserRole;
import io.distman.testsupport.Deployments;
import io.distman.testsupport.TestEnvironment;
import io.distman.testsupport.ejb.Fixtures;
import io.distman.testsupport.ejb.Fixtures.TestAccount;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Account administration over REST for an installer's scripts: an admin key's account only, a sending key
 * refused, strict JSON whose errors name the field, and the admin log of what the script did.
 * The admin key is made with {@link Fixtures#adminKey} (an ADMIN-scope key).
 */
@ExtendWith(ArquillianExtension.class)
public class AdminRestIT {

    private static final String API = TestEnvironment.baseUrl() + "api/v1/admin/";
    private static final String PASSWORD = "quiet-harbour-lantern-42";

    @Deployment
    public static EnterpriseArchive deployment() {
        return Deployments.ear(AdminRestIT.class);
    }

    @EJB
    Fixtures fixtures;

    private final HttpClient http = HttpClient.newHttpClient();
    TestAccount account;
    String adminKey;

    @BeforeEach
    void setUp() {
        account = fixtures.newAccount("rest-admin");
        fixtures.newUser(account.id(), "admin", UserRole.ADMIN, PASSWORD);
        adminKey = fixtures.adminKey(account.id());
    }

    private HttpResponse<String> send(String method, String path, String body, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(API + path)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject object(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    private static JsonArray array(String body) {
        return Json.createReader(new StringReader(body)).readArray();
    }

    @Test
    void aScriptAddsInvitesChangesAndDeactivatesUsers() throws Exception {
        String ann = "ann-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> added = send("POST", "users", """
                {"username":"%s","displayName":"Ann","email":"ann@staff.example.org","role":"AGENT","password":"%s"}"""
                .formatted(ann, PASSWORD), adminKey);
        assertEquals(201, added.statusCode(), added.body());
        assertFalse(added.body().contains(PASSWORD));
        assertTrue(object(added.body()).getBoolean("passwordSet"));

        String ivo = "ivo-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> invited = send("POST", "users", """
                {"username":"%s","displayName":"Ivo","email":"ivo@staff.example.org","role":"ADMIN"}""".formatted(ivo), adminKey);
        assertEquals(201, invited.statusCode(), invited.body());
        assertTrue(object(invited.body()).getString("link").contains("/distman/invite.xhtml?token="), invited.body());

        HttpResponse<String> role = send("PUT", "users/" + ann + "/role", "{\"role\":\"SUPPORT\"}", adminKey);
        assertEquals(200, role.statusCode(), role.body());
        assertEquals("SUPPORT", object(role.body()).getString("role"));
        HttpResponse<String> off = send("PUT", "users/" + ann + "/active", "{\"active\":false}", adminKey);
        assertFalse(object(off.body()).getBoolean("active"), off.body());

        JsonArray users = array(send("GET", "users", null, adminKey).body());
        assertEquals(3, users.size(), users.toString());
        assertFalse(users.toString().contains("password\""), "never a hash: " + users);

        JsonObject log = object(send("GET", "log?size=10", null, adminKey).body());
        assertEquals(5, log.getInt("total"), log.toString());
        assertEquals("user.deactivate", log.getJsonArray("rows").getJsonObject(0).getString("action"));
        assertTrue(log.getJsonArray("rows").getJsonObject(0).getString("actor").startsWith("API key"), log.toString());
        assertFalse(log.toString().contains(PASSWORD));
    }

    @Test
    void errorsNameTheFieldAndChangeNothing() throws Exception {
        HttpResponse<String> unknown = send("POST", "users", "{\"username\":\"x1\",\"shoeSize\":42}", adminKey);
        assertEquals(400, unknown.statusCode(), unknown.body());
        assertTrue(unknown.body().contains("shoeSize"), unknown.body());

        HttpResponse<String> badRole = send("POST", "users", "{\"username\":\"x2\",\"displayName\":\"X\",\"role\":\"ROOT\"}", adminKey);
        assertEquals(400, badRole.statusCode(), badRole.body());
        assertTrue(badRole.body().contains("role"), badRole.body());

        HttpResponse<String> weak = send("POST", "users", """
                {"username":"weak-%s","displayName":"W","role":"AGENT","password":"password1"}"""
                .formatted(UUID.randomUUID().toString().substring(0, 8)), adminKey);
        assertEquals(400, weak.statusCode(), weak.body());
        assertEquals("password", object(weak.body()).getJsonArray("errors").getJsonObject(0).getString("field"));

        HttpResponse<String> name = send("POST", "users", "{\"username\":\"a:b\",\"displayName\":\"X\",\"role\":\"AGENT\"}", adminKey);
        assertEquals("username", object(name.body()).getJsonArray("errors").getJsonObject(0).getString("field"), name.body());

        assertEquals(1, array(send("GET", "users", null, adminKey).body()).size(), "nothing half-written");
        assertEquals(404, send("PUT", "users/nobody-here/active", "{\"active\":false}", adminKey).statusCode());
    }

    @Test
    void aSendingKeyOrNoKeyMayNotAdminister() throws Exception {
        assertEquals(403, send("GET", "users", null, account.apiKey()).statusCode(), "a sending key");
        assertEquals(401, send("GET", "users", null, null).statusCode());
        TestAccount other = fixtures.newAccount("rest-admin-other");
        String otherUser = fixtures.newUser(other.id(), "agent", UserRole.AGENT, PASSWORD);
        assertEquals(404, send("PUT", "users/" + otherUser + "/active", "{\"active\":false}", adminKey).statusCode(),
                "another account's user does not exist for this key");
    }

    @Test
    void grantsOverRest() throws Exception {
        TestAccount staff = fixtures.newAccount("rest-admin-staff");
        String support = fixtures.newUser(staff.id(), "support", UserRole.SUPPORT, PASSWORD);
        assertEquals(200, send("PUT", "grants/support/" + support, null, adminKey).statusCode());
        assertTrue(send("GET", "grants/support", null, adminKey).body().contains(support));
        assertEquals(204, send("DELETE", "grants/support/" + support, null, adminKey).statusCode());
        assertEquals("[]", send("GET", "grants/support", null, adminKey).body());

        HttpResponse<String> module = send("PUT", "grants/modules/billing-module", null, adminKey);
        assertEquals(200, module.statusCode(), module.body());
        assertTrue(send("GET", "grants/modules", null, adminKey).body().contains("billing-module"));
        assertEquals(204, send("DELETE", "grants/modules/billing-module", null, adminKey).statusCode());
    }
}
