package io.distman.platform;

import static io.distman.testsupport.contract.ApiContract.array;
import static io.distman.testsupport.contract.ApiContract.bearer;
import static io.distman.testsupport.contract.ApiContract.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.testsupport.TestEnvironment;
import io.distman.testsupport.browser.TestData.Account;
import io.distman.testsupport.contract.ApiTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The served OpenAPI document against the real API: the messages API's whole round (submit, read, cancel), its
 * refusals (400, 401, 403, 404, 409, 415) and the health probe, each request and response checked by Atlassian's
 * swagger-request-validator ({@link ApiContract}). A response the document does not describe (a field it lacks, a
 * status it does not list, a wrong type) fails here. The account's administration with an ADMIN-scope key (users,
 * grants, admin log, transport, identities, tracking, webhooks) and its refusals are checked here too. The keys' and
 * the operator's endpoints are checked the same way in ApiKeysIT and InstallationIT.
 */
public class OpenApiContractIT extends ApiTest {

    private static final String PASSWORD = "quiet-harbour-lantern-42";
    /** Stands for every secret written through the admin API: it must come back in no response. */
    private static final String SECRET = "s3cret-never-shown-" + System.nanoTime();

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

    @Test
    void theSerialMailingsMatchTheDocument() {
        Account account = data.newAccount("contract-serial");
        String key = bearer(account.apiKey());
        JsonObject count = object(api.call("POST", "serial/count", key,
                "{\"filter\":{\"role\":\"TENANT\",\"block\":\"A\"},\"newsletterOnly\":false}"));
        assertTrue(count.getInt("selected") > 0, count.toString());
        assertTrue(count.containsKey("warning"), "newsletter sending off is flagged: " + count);
        HttpResponse<String> created = api.call("POST", "serial/mailings", key, """
                {"subject":"Block A notice for {{ unit }}","textBody":"{{ salutation }}, the lifts are serviced on Monday.",
                 "senderAddress":"lettings@northside.example","senderName":"Northside Lettings",
                 "filter":{"role":"TENANT","block":"A"},"activities":false,"sendAt":"%s"}"""
                .formatted(java.time.Instant.now().plus(java.time.Duration.ofDays(1))));
        assertEquals(201, created.statusCode(), created.body());
        long id = object(created).getJsonNumber("id").longValue();
        HttpResponse<String> progress = api.call("GET", "serial/mailings/" + id, key, null);
        assertEquals(200, progress.statusCode(), progress.body());
        assertEquals(200, api.call("POST", "serial/mailings/" + id + "/cancel", key, null).statusCode());
        HttpResponse<String> refused = api.call("POST", "serial/mailings", key,
                "{\"subject\":\"x\",\"textBody\":\"{{ name \",\"senderAddress\":\"boss@elsewhere.example\"}");
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("textBody"), refused.body());
        assertEquals(404, api.call("GET", "serial/mailings/" + id, bearer(data.newAccount("contract-serial-other").apiKey()), null)
                .statusCode());
    }

    @Test
    void theSerialTemplatesRoundTripAndAnotherAccountsAreNotFound() {
        Account account = data.newAccount("contract-templates");
        String key = bearer(account.apiKey());
        String name = "Lift notice " + System.nanoTime();
        HttpResponse<String> created = api.call("POST", "serial/templates", key, """
                {"name":"%s","subject":"Lift in block {{ block }}","textBody":"{{ salutation }}, the lift is serviced.",
                 "draft":true}""".formatted(name));
        assertEquals(201, created.statusCode(), created.body());
        long id = object(created).getJsonNumber("id").longValue();
        assertTrue(created.headers().firstValue("Location").orElse("").endsWith("serial/templates/" + id));
        assertTrue(object(created).getBoolean("draft"));
        HttpResponse<String> changed = api.call("PUT", "serial/templates/" + id, key, """
                {"name":"%s","subject":"Lift in block {{ block }}","htmlBody":"<p>{{ salutation }}</p>{{ signature }}"}"""
                .formatted(name));
        assertEquals(200, changed.statusCode(), changed.body());
        assertFalse(object(changed).getBoolean("draft"), "ready unless said");
        JsonObject read = object(api.call("GET", "serial/templates/" + id, key, null));
        assertEquals("<p>{{ salutation }}</p>{{ signature }}", read.getString("htmlBody"));
        assertFalse(read.containsKey("textBody"), "the body left out is gone");
        assertEquals(List.of(name), array(api.call("GET", "serial/templates", key, null)).stream()
                .map(v -> v.asJsonObject().getString("name")).toList(), "only this account's");
        // a mailing from it over REST, with a file in base64, and one refused naming the file's field
        HttpResponse<String> mailing = api.call("POST", "serial/mailings", key, """
                {"templateId":%d,"senderAddress":"lettings@northside.example","filter":{"block":"B","role":"OWNER"},
                 "sendAt":"%s","attachments":[{"filename":"../rules.pdf","contentType":"application/pdf","content":"JVBERi0xLjQ="}]}"""
                .formatted(id, java.time.Instant.now().plus(java.time.Duration.ofDays(1))));
        assertEquals(201, mailing.statusCode(), mailing.body());
        HttpResponse<String> badFile = api.call("POST", "serial/mailings", key, """
                {"templateId":%d,"senderAddress":"lettings@northside.example",
                 "attachments":[{"filename":"run.sh","contentType":"application/x-sh","content":"IyEvYmluL3No"}]}""".formatted(id));
        assertEquals(400, badFile.statusCode());
        assertTrue(badFile.body().contains("attachments[0].contentType"), badFile.body());

        HttpResponse<String> refused = api.call("POST", "serial/templates", key,
                "{\"name\":\"%s\",\"subject\":\"x\",\"textBody\":\"{{ name \"}".formatted(name + " broken"));
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("textBody"), refused.body());
        HttpResponse<String> duplicate = api.call("POST", "serial/templates", key,
                "{\"name\":\"%s\",\"subject\":\"x\",\"textBody\":\"y\"}".formatted(name));
        assertEquals(400, duplicate.statusCode());
        assertTrue(duplicate.body().contains("\"name\""), duplicate.body());

        String other = bearer(data.newAccount("contract-templates-other").apiKey());
        assertEquals(404, api.call("GET", "serial/templates/" + id, other, null).statusCode());
        assertEquals(404, api.call("PUT", "serial/templates/" + id, other,
                "{\"name\":\"taken\",\"subject\":\"x\",\"textBody\":\"y\"}").statusCode());
        assertEquals(404, api.call("DELETE", "serial/templates/" + id, other, null).statusCode());
        assertEquals(0, array(api.call("GET", "serial/templates", other, null)).size());
        assertEquals(200, api.call("GET", "serial/templates/" + id, key, null).statusCode(), "untouched by the other account");
        assertEquals(401, api.refused("GET", "serial/templates", null, null, null).statusCode());

        assertEquals(204, api.call("DELETE", "serial/templates/" + id, key, null).statusCode(), "its mailing keeps its copy");
        assertEquals(404, api.call("GET", "serial/templates/" + id, key, null).statusCode());
        assertEquals(200, api.call("GET", "serial/mailings/" + object(mailing).getJsonNumber("id").longValue(), key, null).statusCode());
    }

    @Test
    void theAccountsAdministrationMatchesTheDocument() {
        Account account = data.newAccount("contract-admin");
        String admin = bearer(data.adminKey(account.id()));
        String suffix = Long.toString(System.nanoTime(), 36);
        List<HttpResponse<String>> answers = new java.util.ArrayList<>();

        // users: with a password, with an invitation (no address: no mailedTo, no email), role, deactivation, reset
        String ann = "ann-" + suffix;
        HttpResponse<String> added = api.call("POST", "admin/users", admin, """
                {"username":"%s","displayName":"Ann Agent","email":"ann@staff.example.org","role":"AGENT","password":"%s"}"""
                .formatted(ann, PASSWORD));
        assertEquals(201, added.statusCode(), added.body());
        assertTrue(object(added).getBoolean("passwordSet"));
        String ivo = "ivo-" + suffix;
        HttpResponse<String> invited = api.call("POST", "admin/users", admin, """
                {"username":"%s","displayName":"Ivo Invited","role":"AGENT"}""".formatted(ivo));
        assertEquals(201, invited.statusCode(), invited.body());
        assertTrue(object(invited).getString("link").contains("invite.xhtml?token="), invited.body());
        HttpResponse<String> role = api.call("PUT", "admin/users/" + ann + "/role", admin, "{\"role\":\"SUPPORT\"}");
        assertEquals("SUPPORT", object(role).getString("role"), role.body());
        HttpResponse<String> off = api.call("PUT", "admin/users/" + ann + "/active", admin, "{\"active\":false}");
        assertFalse(object(off).getBoolean("active"), off.body());
        answers.add(api.call("PUT", "admin/users/" + ivo + "/password", admin, "{\"password\":\"" + SECRET + "\"}"));
        assertEquals(200, answers.get(0).statusCode(), answers.get(0).body());
        HttpResponse<String> reset = api.call("POST", "admin/users/" + ivo + "/invitation", admin, null);
        assertEquals(201, reset.statusCode(), reset.body());
        HttpResponse<String> users = api.call("GET", "admin/users", admin, null);
        assertTrue(users.body().contains(ann) && users.body().contains(ivo), users.body());

        // grants: a support user of another account, a module
        Account staff = data.newAccount("contract-staff");
        String support = data.newUser(staff.id(), "support", "SUPPORT", PASSWORD);
        assertEquals(200, api.call("PUT", "admin/grants/support/" + support, admin, null).statusCode());
        assertTrue(api.call("GET", "admin/grants/support", admin, null).body().contains(support));
        assertEquals(204, api.call("DELETE", "admin/grants/support/" + support, admin, null).statusCode());
        assertEquals(404, api.call("DELETE", "admin/grants/support/" + support, admin, null).statusCode());
        String module = "billing-" + suffix;
        assertEquals(200, api.call("PUT", "admin/grants/modules/" + module, admin, null).statusCode());
        assertTrue(api.call("GET", "admin/grants/modules", admin, null).body().contains(module));
        assertEquals(204, api.call("DELETE", "admin/grants/modules/" + module, admin, null).statusCode());

        // transport: the installation's, then a relay on this machine (NONE is allowed there), tested
        assertEquals("INSTALLATION", object(api.call("GET", "admin/transport", admin, null)).getString("mode"));
        answers.add(api.call("PUT", "admin/transport", admin, """
                {"mode":"RELAY","relay":{"host":"127.0.0.1","port":3025,"security":"NONE","username":"billing","password":"%s"}}"""
                .formatted(SECRET)));
        assertEquals("RELAY", object(answers.get(1)).getString("mode"), answers.get(1).body());
        assertTrue(object(answers.get(1)).getJsonObject("relay").containsKey("passwordSetAt"));
        answers.add(api.call("GET", "admin/transport", admin, null));
        HttpResponse<String> test = api.call("POST", "admin/transport/test", admin, "{\"host\":\"127.0.0.1\",\"port\":3025,\"security\":\"NONE\"}");
        assertTrue(object(test).getBoolean("ok"), test.body());
        assertEquals(200, api.call("POST", "admin/transport/test", admin, null).statusCode(), "the stored relay");

        // identities: a domain with its records, its DKIM key rotated and the previous one retired
        String domain = account.code().toLowerCase(java.util.Locale.ROOT) + ".example";
        HttpResponse<String> identity = api.call("POST", "admin/identities", admin, "{\"domain\":\"" + domain + "\"}");
        assertEquals(201, identity.statusCode(), identity.body());
        long previous = object(identity).getJsonArray("dkimKeys").getJsonObject(0).getJsonNumber("id").longValue();
        HttpResponse<String> rotated = api.call("POST", "admin/identities/dkim/" + domain + "/rotate", admin, null);
        assertEquals(200, rotated.statusCode(), rotated.body());
        assertTrue(object(rotated).getBoolean("signing"));
        HttpResponse<String> identities = api.call("GET", "admin/identities", admin, null);
        assertEquals(2, array(identities).getValuesAs(JsonObject.class).stream().filter(i -> i.getString("value").equals(domain))
                .findFirst().orElseThrow().getJsonArray("dkimKeys").size(), identities.body());
        assertEquals(204, api.call("DELETE", "admin/identities/dkim/" + previous, admin, null).statusCode());

        // tracking and a webhook key
        assertTrue(object(api.call("GET", "admin/tracking", admin, null)).getJsonObject("BULK").getBoolean("clicks"));
        HttpResponse<String> tracking = api.call("PUT", "admin/tracking", admin, "{\"category\":\"BULK\",\"opens\":false,\"clicks\":true}");
        assertFalse(object(tracking).getJsonObject("BULK").getBoolean("opens"), tracking.body());
        assertEquals(4, array(api.call("GET", "admin/webhooks", admin, null)).size());
        answers.add(api.call("PUT", "admin/webhooks/mailgun", admin, "{\"signingKey\":\"" + SECRET + "\"}"));
        JsonObject mailgun = array(answers.get(3)).getValuesAs(JsonObject.class).stream()
                .filter(w -> w.getString("provider").equals("mailgun")).findFirst().orElseThrow();
        assertTrue(mailgun.getBoolean("ownCredential"), answers.get(3).body());
        assertTrue(mailgun.getString("url").endsWith("api/v1/webhooks/mailgun/" + account.code()), mailgun.toString());
        assertEquals(204, api.call("DELETE", "admin/webhooks/mailgun", admin, null).statusCode());

        // the admin log of it all, paged; no secret anywhere
        HttpResponse<String> log = api.call("GET", "admin/log", Map.of("first", "0", "size", "5"), admin);
        assertEquals(5, object(log).getJsonArray("rows").size(), log.body());
        assertTrue(object(log).getJsonNumber("total").longValue() >= 15, log.body());
        answers.add(api.call("GET", "admin/log", Map.of("size", "500"), admin));
        answers.forEach(answer -> assertFalse(answer.body().contains(SECRET), answer.body()));
    }

    @Test
    void theRateLimitsMatchTheDocument() {
        Account account = data.newAccount("contract-limits");
        String admin = bearer(data.adminKey(account.id()));
        JsonObject none = object(api.call("GET", "admin/limits", admin, null));
        assertTrue(none.getJsonArray("domains").isEmpty(), none.toString());
        JsonObject relay = object(api.call("PUT", "admin/limits/relay", admin,
                "{\"messagesPerSecond\":20,\"maxConnections\":4,\"recipientsPerConnection\":100}"));
        assertEquals(20, relay.getJsonObject("relay").getInt("messagesPerSecond"));
        JsonObject domain = object(api.call("PUT", "admin/limits/domains/GMail.com", admin, "{\"recipientsPerHour\":500}"));
        assertEquals("gmail.com", domain.getJsonArray("domains").getJsonObject(0).getString("domain"));
        HttpResponse<String> notADomain = api.call("PUT", "admin/limits/domains/gmail", admin, "{\"recipientsPerHour\":5}");
        assertEquals(400, notADomain.statusCode());
        assertTrue(notADomain.body().contains("\"domain\""), notADomain.body());
        HttpResponse<String> zero = api.refused("PUT", "admin/limits/relay", admin, "application/json",
                "{\"messagesPerSecond\":0}");
        assertEquals(400, zero.statusCode());
        assertTrue(zero.body().contains("messagesPerSecond"), zero.body());
        JsonObject removed = object(api.call("DELETE", "admin/limits/domains/gmail.com", admin, null));
        assertTrue(removed.getJsonArray("domains").isEmpty(), removed.toString());
        assertEquals(403, api.call("GET", "admin/limits", bearer(account.apiKey()), null).statusCode(), "a SEND key");
    }

    @Test
    void theAdministrationsRefusalsMatchTheDocument() {
        Account account = data.newAccount("contract-admin-refused");
        String admin = bearer(data.adminKey(account.id()));

        HttpResponse<String> unknown = api.refused("POST", "admin/users", admin, "application/json",
                "{\"username\":\"x-" + System.nanoTime() + "\",\"displayName\":\"X\",\"role\":\"AGENT\",\"shoeSize\":42}");
        assertEquals(400, unknown.statusCode(), unknown.body());
        assertEquals("shoeSize", object(unknown).getJsonArray("errors").getJsonObject(0).getString("field"));
        HttpResponse<String> farRelay = api.call("PUT", "admin/transport", admin,
                "{\"mode\":\"RELAY\",\"relay\":{\"host\":\"smtp.example.com\",\"port\":25,\"security\":\"NONE\"}}");
        assertEquals(400, farRelay.statusCode(), farRelay.body());
        assertEquals("relay.security", object(farRelay).getJsonArray("errors").getJsonObject(0).getString("field"));
        HttpResponse<String> noClicks = api.refused("PUT", "admin/tracking", admin, "application/json", "{\"category\":\"BULK\",\"opens\":true}");
        assertEquals("clicks", object(noClicks).getJsonArray("errors").getJsonObject(0).getString("field"), noClicks.body());
        assertEquals(404, api.call("PUT", "admin/users/nobody-" + System.nanoTime() + "/active", admin, "{\"active\":false}").statusCode());
        assertEquals(415, api.refused("PUT", "admin/tracking", admin, "text/plain", "BULK").statusCode());

        String send = bearer(account.apiKey());
        for (String path : new String[]{"admin/users", "admin/grants/support", "admin/log", "admin/transport", "admin/identities",
                "admin/tracking", "admin/webhooks"}) {
            HttpResponse<String> refused = api.call("GET", path, send, null);
            assertEquals(403, refused.statusCode(), path + ": " + refused.body());
            assertEquals("forbidden", object(refused).getString("error"));
            assertEquals(401, api.refused("GET", path, null, null, null).statusCode(), path);
        }
        assertEquals(403, api.call("PUT", "admin/tracking", send, "{\"category\":\"BULK\",\"opens\":true,\"clicks\":true}").statusCode());
    }

}
