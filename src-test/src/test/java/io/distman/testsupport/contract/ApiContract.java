package io.distman.testsupport.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The REST API as its OpenAPI document describes it: loads the document the application serves, sends real HTTP
 * requests and checks each request and its response against the document with Atlassian's
 * swagger-request-validator (status, headers, content type, body schema). A response the document does not
 * describe fails the test. Requests that are wrong on purpose (a missing key, a bad body) are sent with
 * {@link #refused}: only their response is checked. Client side: this runs in the test JVM, not the server.
 */
public final class ApiContract {

    private static final String API = "api/v1/";

    private final String base;
    private final String basePath;
    private final OpenApiInteractionValidator validator;
    private final HttpClient http = HttpClient.newHttpClient();

    private ApiContract(String base, String document) {
        this.base = base;
        this.basePath = URI.create(base).getPath() + API; // e.g. /distman/api/v1/, the document's server URL
        this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(document).build();
    }

    /** Fetches the served document (without authentication) and builds the validator from it. */
    public static ApiContract of(String baseUrl) {
        String base = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
        try {
            HttpResponse<String> document = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(base + API + "openapi.yaml")).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, document.statusCode(), document.body());
            return new ApiContract(base, document.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An Authorization header value. */
    public static String bearer(String key) {
        return "Bearer " + key;
    }

    public static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A request as the document says it should be; request and response are checked. */
    public HttpResponse<String> call(String method, String path, String authorization, String json) {
        return exchange(method, path, Map.of(), authorization, "application/json", json, true);
    }

    public HttpResponse<String> call(String method, String path, Map<String, String> query, String authorization) {
        return exchange(method, path, query, authorization, "application/json", null, true);
    }

    /** A request that is wrong on purpose: only the response is checked against the document. */
    public HttpResponse<String> refused(String method, String path, String authorization, String contentType, String body) {
        return exchange(method, path, Map.of(), authorization, contentType, body, false);
    }

    private HttpResponse<String> exchange(String method, String path, Map<String, String> query, String authorization,
                                          String contentType, String body, boolean checkRequest) {
        String queryString = query.isEmpty() ? "" : "?" + query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + API + path + queryString))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Accept", "application/json");
        SimpleRequest.Builder described = new SimpleRequest.Builder(method, basePath + path).withAccept("application/json");
        query.forEach(described::withQueryParam);
        if (authorization != null) {
            request.header("Authorization", authorization);
            described.withAuthorization(authorization);
        }
        if (body != null) {
            request.header("Content-Type", contentType);
            described.withContentType(contentType).withBody(body);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        SimpleResponse.Builder answer = SimpleResponse.Builder.status(response.statusCode()).withBody(response.body());
        Map<String, String> headers = new LinkedHashMap<>();
        response.headers().map().forEach((name, values) -> headers.put(name, String.join(",", values)));
        headers.forEach(answer::withHeader);
        ValidationReport report = checkRequest ? validator.validate(described.build(), answer.build())
                : validator.validateResponse(basePath + path, Request.Method.valueOf(method), answer.build());
        if (report.hasErrors()) {
            fail(method + " " + path + " -> " + response.statusCode() + " does not match the OpenAPI document:\n"
                    + report.getMessages().stream().map(Object::toString).collect(Collectors.joining("\n"))
                    + "\nbody: " + response.body());
        }
        return response;
    }

    public static JsonObject object(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    public static JsonArray array(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readArray();
    }
}
