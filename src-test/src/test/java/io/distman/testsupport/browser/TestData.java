package io.distman.testsupport.browser;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Test data for client-side tests, made inside GlassFish by {@code FixturesServlet}, and mail submitted
 * through the public REST API with the test account's key, as a back-office module would.
 */
public final class TestData {

    private final String base;

    public TestData(URL base) {
        String url = base.toExternalForm();
        this.base = url.endsWith("/") ? url : url + "/";
    }

    public record Account(long id, String code, String apiKey) {
    }

    public Account newAccount(String prefix) {
        JsonObject json = fixture("account", Map.of("prefix", prefix));
        return new Account(json.getJsonNumber("id").longValue(), json.getString("code"), json.getString("apiKey"));
    }

    /** @return the new user's (unique) username */
    public String newUser(long accountId, String prefix, String role, String password) {
        return fixture("user", Map.of("account", String.valueOf(accountId), "prefix", prefix, "role", role,
                "password", password)).getString("username");
    }

    /** @return a new ADMIN-scope API key of the account */
    public String adminKey(long accountId) {
        return fixture("admin-key", Map.of("account", String.valueOf(accountId))).getString("apiKey");
    }

    /** Every stored column of the account's API keys, as text. */
    public java.util.List<String> apiKeyColumns(long accountId) {
        return fixture("api-key-columns", Map.of("account", String.valueOf(accountId))).getJsonArray("values")
                .getValuesAs(jakarta.json.JsonString::getString);
    }

    /** The account's admin log, or with null the installation's own changes: "actor | action | subject | before -> after". */
    public java.util.List<String> adminLog(Long accountId) {
        return fixture("admin-log", accountId == null ? Map.of() : Map.of("account", String.valueOf(accountId)))
                .getJsonArray("lines").getValuesAs(jakarta.json.JsonString::getString);
    }

    public void grantSupport(String username, long accountId) {
        fixture("grant", Map.of("username", username, "account", String.valueOf(accountId)));
    }

    /** Puts an address on the account's suppression list, as a bounce or complaint would (detail "added by a test"). */
    public void suppress(long accountId, String address, String reason) {
        fixture("suppress", Map.of("account", String.valueOf(accountId), "address", address, "reason", reason));
    }

    /** Runs the dispatch job once and waits for it. */
    public void sweep() {
        fixture("sweep", Map.of());
    }

    /** Records a status report for a delivery (through the one status method), e.g. a bounce. */
    public void report(long deliveryId, String status, Map<String, String> details) {
        var parameters = new java.util.HashMap<>(details);
        parameters.put("delivery", String.valueOf(deliveryId));
        parameters.put("status", status);
        fixture("report", parameters);
    }

    /**
     * Posts a Postmark webhook record to the account's own URL ({@code /api/v1/webhooks/postmark/<code>}) as
     * Postmark would, first giving the account a webhook login; the delivery is named by its bare id in the
     * Metadata, which the account's own URL accepts with the delivery's recipient.
     */
    public void postmark(Account account, String record) {
        fixture("postmark-login", Map.of("account", String.valueOf(account.id()), "username", "pm-test",
                "password", "pm-test-secret"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "api/v1/webhooks/postmark/" + account.code()))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        "pm-test:pm-test-secret".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(record, StandardCharsets.UTF_8)).build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("postmark webhook: " + response.statusCode() + " " + response.body());
        }
    }

    /** Submits a message through {@code POST /api/v1/messages}; @return the receipt */
    public JsonObject submit(Account account, String json) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "api/v1/messages"))
                .header("Authorization", "Bearer " + account.apiKey()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 201 && response.statusCode() != 200) {
            throw new IllegalStateException("submit: " + response.statusCode() + " " + response.body());
        }
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    /** Submits a message to one recipient (see {@link #submit}); @return the id of its one delivery */
    public long submitOne(Account account, String json) {
        return submit(account, json).getJsonArray("deliveries").getJsonObject(0).getJsonNumber("deliveryId").longValue();
    }

    private JsonObject fixture(String what, Map<String, String> parameters) {
        String query = parameters.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "test-support/" + what + "?" + query))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("fixture " + what + ": " + response.statusCode() + " " + response.body());
        }
        return response.body().isEmpty() ? Json.createObjectBuilder().build()
                : Json.createReader(new StringReader(response.body())).readObject();
    }

    /**
     * A client per request: a pooled connection left idle past GlassFish's keep-alive timeout (30 s, e.g.
     * while a browser test clicked around) is closed by the server, and reusing it failed a fixture call
     * with "EOF reached while reading".
     */
    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** How many mails the test SMTP server (GreenMail, in GlassFish) has received for the address. */
    public long received(String address) {
        return fixture("received", Map.of("address", address)).getJsonNumber("count").longValue();
    }

    /**
     * The first mail the test SMTP server received for the address whose subject contains {@code subject}: its
     * {@code text}, {@code html} and {@code attachments} (file names); an empty object while there is none.
     */
    public JsonObject mail(String address, String subject) {
        return fixture("mail", Map.of("address", address, "subject", subject));
    }

    /** Pretends the delivery was raised at {@code at} (e.g. yesterday, for the workbench widget). */
    public void createdAt(long deliveryId, java.time.Instant at) {
        fixture("created", Map.of("delivery", String.valueOf(deliveryId), "at", at.toString()));
    }
}
