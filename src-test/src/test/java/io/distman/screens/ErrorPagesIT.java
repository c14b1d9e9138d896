package io.distman.screens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.account.entity.UserRole;
import io.distman.testsupport.Deployments;
import io.distman.testsupport.LoginForm;
import io.distman.testsupport.ejb.Fixtures;
import io.distman.testsupport.ejb.Fixtures.TestAccount;
import jakarta.ejb.EJB;
import java.net.http.HttpResponse;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The screens' side of issue 11, part 5, over HTTP: every page says no other site may frame it (the View dialog's
 * archived HTML only its own pages), and a missing page or a role that does not allow one gets a page of the
 * application, not GlassFish's.
 */
@ExtendWith(ArquillianExtension.class)
public class ErrorPagesIT {

    private static final String PASSWORD = "quiet-harbour-lantern-42";

    @Deployment
    public static EnterpriseArchive deployment() {
        return Deployments.ear(ErrorPagesIT.class);
    }

    @EJB
    Fixtures fixtures;

    private LoginForm signedInAgent() throws Exception {
        TestAccount account = fixtures.newAccount("errors");
        LoginForm browser = new LoginForm();
        assertTrue(browser.signIn(fixtures.newUser(account.id(), "agent", UserRole.AGENT, PASSWORD), PASSWORD).signedIn());
        return browser;
    }

    private static void deniesFraming(HttpResponse<String> response) {
        assertEquals("DENY", response.headers().firstValue("X-Frame-Options").orElse(null), response.uri().toString());
        assertTrue(response.headers().allValues("Content-Security-Policy").contains("frame-ancestors 'none'"),
                response.uri() + ": " + response.headers().map());
    }

    private static void isTheApplicationsPage(HttpResponse<String> response, int status, String title) {
        assertEquals(status, response.statusCode(), response.uri().toString());
        assertTrue(response.body().contains("id=\"errorTitle\">" + title + "<"), response.body());
        assertTrue(response.body().contains("Back to the start page"), response.body());
        for (String leak : List.of("GlassFish", "Exception", "Eclipse")) {
            assertFalse(response.body().contains(leak), leak + " in " + response.body());
        }
        deniesFraming(response);
    }

    @Test
    void pagesAndTheLoginPageMayNotBeFramedByOtherSites() throws Exception {
        LoginForm browser = new LoginForm();
        deniesFraming(browser.get("login.xhtml"));
        deniesFraming(browser.get(""));
        LoginForm agent = signedInAgent();
        for (String page : List.of("app/index.xhtml", "app/audit.xhtml", "app/queue.xhtml")) {
            HttpResponse<String> response = agent.get(page);
            assertEquals(200, response.statusCode(), page);
            deniesFraming(response);
        }
    }

    @Test
    void aMissingPageIsTheApplicationsOwnPage() throws Exception {
        isTheApplicationsPage(new LoginForm().get("no-such-page.html"), 404, "Page not found");
        isTheApplicationsPage(signedInAgent().get("app/no-such-screen.xhtml"), 404, "Page not found");
    }

    @Test
    void aScreenTheRoleDoesNotAllowIsTheApplicationsOwnPage() throws Exception {
        isTheApplicationsPage(signedInAgent().get("app/admin/settings.xhtml"), 403, "Not allowed");
    }
}
