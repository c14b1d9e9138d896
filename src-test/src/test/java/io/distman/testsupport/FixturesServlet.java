package io.distman.testsupport;

import io.distman.account.entity.UserRole;
import io.distman.feedback.boundary.WebhookSettings;
import io.distman.message.entity.DeliveryStatus;
import io.distman.message.entity.StatusChange;
import io.distman.testsupport.ejb.Fixtures;
import io.distman.testsupport.ejb.Fixtures.TestAccount;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.UUID;

/**
 * Test data for tests that run on the client (browser tests): they cannot inject {@link Fixtures}, so
 * they ask this servlet, which exists only in test deployments (it lives in the harness package that
 * {@link Deployments} adds to the WAR). POST /distman/test-support/{what}?parameters, answers JSON.
 * Client side: {@code io.distman.testsupport.browser.TestData}.
 */
@WebServlet("/test-support/*")
public class FixturesServlet extends HttpServlet {

    @EJB
    Fixtures fixtures;

    @EJB
    WebhookSettings webhookSettings;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var json = Json.createObjectBuilder();
        switch (String.valueOf(request.getPathInfo())) {
            case "/account" -> {
                TestAccount account = fixtures.newAccount(request.getParameter("prefix"));
                json.add("id", account.id()).add("code", account.code()).add("apiKey", account.apiKey());
            }
            case "/user" -> json.add("username", fixtures.newUser(Long.parseLong(request.getParameter("account")),
                    request.getParameter("prefix"), UserRole.valueOf(request.getParameter("role")),
                    request.getParameter("password")));
            case "/admin-key" -> json.add("apiKey", fixtures.adminKey(Long.parseLong(request.getParameter("account"))));
            case "/api-key-columns" -> json.add("values", Json.createArrayBuilder(
                    fixtures.apiKeyColumns(Long.parseLong(request.getParameter("account")))));
            case "/admin-log" -> json.add("lines", Json.createArrayBuilder(fixtures.adminLog(
                    request.getParameter("account") == null ? null : Long.valueOf(request.getParameter("account")))));
            case "/grant" -> fixtures.grantSupport(request.getParameter("username"),
                    Long.parseLong(request.getParameter("account")));
            case "/suppress" -> fixtures.suppress(Long.parseLong(request.getParameter("account")),
                    request.getParameter("address"), request.getParameter("reason"));
            case "/sweep" -> Dispatching.sweep();
            case "/report" -> json.add("changed", fixtures.report(Long.parseLong(request.getParameter("delivery")),
                    new StatusChange(DeliveryStatus.valueOf(request.getParameter("status")), Instant.now(), "TEST",
                            intOrNull(request.getParameter("smtpCode")), request.getParameter("enhancedCode"),
                            request.getParameter("diagnostic"), null, "test:" + UUID.randomUUID(), null, false)));
            case "/postmark-login" -> webhookSettings.setPostmarkWebhookLogin(Long.parseLong(request.getParameter("account")),
                    request.getParameter("username"), request.getParameter("password"));
            case "/received" -> json.add("count", TestMailServer.received().stream()
                    .filter(m -> Mails.isFor(m, request.getParameter("address"))).count());
            case "/mail" -> TestMailServer.received().stream().filter(m -> Mails.isFor(m, request.getParameter("address"))
                    && String.valueOf(Mails.subject(m)).contains(request.getParameter("subject"))).findFirst().ifPresent(m -> {
                        json.add("text", String.valueOf(Mails.part(m, "text/plain")));
                        json.add("html", String.valueOf(Mails.part(m, "text/html")));
                        json.add("attachments", Json.createArrayBuilder(Mails.filenames(m)));
                    });
            case "/created" -> fixtures.createdAt(Long.parseLong(request.getParameter("delivery")),
                    Instant.parse(request.getParameter("at")));
            default -> {
                response.sendError(404, "unknown fixture " + request.getPathInfo());
                return;
            }
        }
        response.setContentType("application/json");
        response.getWriter().write(json.build().toString());
    }

    private static Integer intOrNull(String value) {
        return value == null || value.isBlank() ? null : Integer.valueOf(value);
    }
}
