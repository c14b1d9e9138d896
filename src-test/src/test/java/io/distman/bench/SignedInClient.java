package io.distman.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An HTTP client signed in through the real login form (a JSF post with its view state), so the bench
 * downloads exports as a browser would, through the login, the servlet and the account scoping, without
 * the browser's own memory and time in the figures.
 */
final class SignedInClient {

    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(10)).build();

    SignedInClient(String base) {
        this.base = base;
    }

    /** Signs in through the login page; the session cookie then goes with every request. */
    SignedInClient signIn(String username, String password) throws IOException, InterruptedException {
        String page = http.send(HttpRequest.newBuilder(URI.create(base + "login.xhtml")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = VIEW_STATE.matcher(page);
        if (!m.find()) {
            throw new IllegalStateException("no view state on the login page");
        }
        String form = Map.of("login", "login", "login:username", username, "login:password", password,
                        "login:signIn", "", "jakarta.faces.ViewState", m.group(1)).entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create(base + "login.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (signedIn.uri().getPath().contains("login.xhtml")) {
            throw new IllegalStateException("sign-in refused for " + username + ": " + signedIn.uri());
        }
        return this;
    }

    /** GET of a path below the base, as a stream: the caller reads it to the end and closes it. */
    HttpResponse<InputStream> get(String path) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofMinutes(10)).build(), HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200 || response.uri().getPath().contains("login.xhtml")) {
            response.body().close();
            throw new IllegalStateException("GET " + path + ": " + response.statusCode() + " at " + response.uri());
        }
        return response;
    }

    /** A POST to a test servlet, answered with a short text. */
    String post(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    String getText(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
