package io.distman.testsupport;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The login page driven over HTTP, as a browser posts it (the form with its view state), without a browser:
 * for the sign-in tests that count answers and cookies, client-side or in-container (it is in the harness
 * package, so in every test WAR). One instance is one browser: it keeps its cookies.
 */
public final class LoginForm {

    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]+)\"");

    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;

    public LoginForm() {
        this(TestEnvironment.baseUrl());
    }

    public LoginForm(String base) {
        this.base = base.endsWith("/") ? base : base + "/";
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** Where a sign-in ended: the page's address and text. */
    public record Answer(URI uri, String body) {
        public boolean signedIn() {
            return !uri.getPath().endsWith("/login.xhtml");
        }

        public boolean refused() {
            return "failed=true".equals(uri.getQuery());
        }

        public boolean locked() {
            return uri.getQuery() != null && uri.getQuery().startsWith("locked=");
        }
    }

    /** Opens the login page (a session begins) and posts the form. */
    public Answer signIn(String username, String password) throws IOException, InterruptedException {
        String page = get("login.xhtml").body();
        Matcher m = VIEW_STATE.matcher(page);
        if (!m.find()) {
            throw new IllegalStateException("no view state on the login page: " + page);
        }
        String form = Map.of("login", "login", "login:username", username, "login:password", password,
                        "login:signIn", "", "jakarta.faces.ViewState", m.group(1)).entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "login.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(answer.uri(), answer.body());
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The session cookie this client holds now, if any. */
    public Optional<String> sessionId() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue).findFirst();
    }
}
