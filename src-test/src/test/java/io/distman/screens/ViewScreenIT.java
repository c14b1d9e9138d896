package io.distman.screens;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.testsupport.browser.Browser;
import io.distman.testsupport.browser.ScreenTest;
import io.distman.testsupport.browser.TestData.Account;
import io.distman.testsupport.ejb.Fixtures;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The View dialog in a real browser: hostile archived HTML stays inert in its sandbox, the timeline,
 * advice and attachment are there for the agent, and another agency's agent gets nothing.
 */
public class ViewScreenIT extends ScreenTest {

    static final String SUBJECT = "Rent demand 4711 for the view";
    static final byte[] PDF = "%PDF-1.4 demand letter for the view".getBytes(StandardCharsets.US_ASCII);

    static String agent;
    static String stranger;
    static long delivery;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void failedMail() throws Exception {
        Account northside = newAccount("view-a");
        Account harbour = newAccount("view-b");
        agent = newAgent(northside);
        stranger = newAgent(harbour);
        String html = "<p>Please <b>pay</b> by Friday.</p>"
                + "<script>document.title='pwned'; parent.document.title='pwned'; document.body.append('PWNED-SCRIPT')</script>"
                + "<img src=x onerror=\\\"document.title='pwned'; document.body.append('PWNED-IMG')\\\">";
        String json = """
                {"raisedBy":"anna","sourceModule":"demand","sourceRef":"4711","category":"ESSENTIAL",
                 "sender":{"address":"lettings@northside.example","name":"Northside Lettings"},
                 "to":[{"address":"%s","name":"Olivia Brown"}],
                 "subject":"%s","textBody":"Please pay by Friday.","htmlBody":"%s",
                 "attachments":[{"filename":"demand-4711.pdf","contentType":"application/pdf","content":"%s"}]}"""
                .formatted(Fixtures.address("olivia"), SUBJECT, html, Base64.getEncoder().encodeToString(PDF));
        delivery = data.submitOne(northside, json);
        data.sweep();
        data.report(delivery, "FAILED", Map.of("smtpCode", "550", "enhancedCode", "5.1.1",
                "diagnostic", "550 5.1.1 <olivia>: user unknown"));
    }

    @Test
    void theAgentSeesTheMailTimelineAndAdviceWhileTheArchivedScriptStaysInert() throws Exception {
        try (Browser browser = signedIn(agent)) {
            browser.go("app/view.xhtml?id=" + delivery);
            assertEquals(SUBJECT, browser.find(By.id("subject")).getText());
            assertEquals("Failed", browser.find(By.id("status")).getText().trim());

            // The frame shows the mail, but neither its script nor its onerror handler ran.
            browser.waitUntil(d -> !d.findElements(By.id("htmlFrame")).isEmpty());
            WebElement frame = browser.find(By.id("htmlFrame"));
            assertEquals("", frame.getAttribute("sandbox"));
            browser.driver().switchTo().frame(frame);
            browser.waitUntil(d -> d.findElement(By.tagName("body")).getText().contains("by Friday"));
            String inFrame = browser.driver().findElement(By.tagName("body")).getText();
            assertFalse(inFrame.contains("PWNED"), inFrame);
            browser.driver().switchTo().defaultContent();
            assertFalse(browser.driver().getTitle().contains("pwned"), browser.driver().getTitle());
            assertTrue(browser.driver().getTitle().startsWith("View email"), browser.driver().getTitle());
            browser.screenshot("view");

            String cookie = "JSESSIONID=" + browser.driver().manage().getCookieNamed("JSESSIONID").getValue();
            HttpResponse<String> content = get("app/content/" + delivery, cookie);
            assertEquals(200, content.statusCode());
            String csp = content.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.startsWith("sandbox;") && csp.contains("default-src 'none'") && !csp.contains("allow-"), csp);
            assertEquals("nosniff", content.headers().firstValue("X-Content-Type-Options").orElse(""));
            // Only the application's own page may frame it (the frame above showed it); other sites may not.
            assertEquals("SAMEORIGIN", content.headers().firstValue("X-Frame-Options").orElse(""));
            assertTrue(csp.contains("frame-ancestors 'self'"), csp);
            assertTrue(content.body().contains("<script>"), "served as archived, made inert by the policy");

            browser.click(By.linkText("Timeline"));
            String timeline = browser.find(By.id("viewForm:tabs:timeline")).getText();
            for (String status : new String[] {"Waiting to be sent", "Being sent", "Handed to the provider", "Failed"}) {
                assertTrue(timeline.contains(status), timeline);
            }
            assertTrue(timeline.contains("5.1.1"), timeline);
            // Said as an agent would: the attempt, not the dispatcher's lease id.
            assertTrue(timeline.contains("Sending (attempt 1)") && timeline.contains("Sent (attempt 1) through the mail relay"),
                    timeline);
            assertFalse(timeline.matches("(?s).*attempt 1 by \\S.*"), timeline);

            browser.click(By.linkText("Status"));
            assertTrue(browser.find(By.id("viewForm:tabs:advice")).getText().contains("spelling"));
            assertEquals("5.1.1", browser.find(By.id("viewForm:tabs:enhancedCode")).getText());
            assertTrue(browser.findAll(By.id("viewForm:unitSearch")).isEmpty(), "no unit search URL configured");

            browser.click(By.linkText("Message"));
            browser.click(By.linkText("demand-4711.pdf"));
            Path download = browser.awaitDownload("demand-4711.pdf");
            assertArrayEquals(PDF, Files.readAllBytes(download));

            // Resend to a corrected address: a new delivery, linked from this one.
            browser.click(By.id("viewForm:resendOpen"));
            browser.type(By.id("resendForm:address"), Fixtures.address("olivia-corrected"));
            browser.click(By.id("resendForm:resend"));
            browser.click(By.linkText("Status"));
            browser.waitUntil(d -> d.findElement(By.id("viewForm:tabs:resends")).getText().matches("\\[\\d+\\]"));
        }
    }

    /**
     * A mail Postmark reports as bounced before it was ever sent (issue 11's "WEBHOOK:postmark", "Attempts 0"
     * and a "Next attempt" on a failed mail): the View names Postmark and shows neither attempts nor a next one.
     */
    @Test
    void aMailFailedByAProvidersReportReadsAsTheProvidersWords() throws Exception {
        Account agency = newAccount("view-pm");
        String reader = newAgent(agency);
        String address = Fixtures.address("pm-bounced");
        long bounced = data.submitOne(agency, """
                {"raisedBy":"anna","category":"ESSENTIAL","sender":{"address":"lettings@northside.example"},
                 "to":[{"address":"%s"}],"subject":"Bounced by Postmark","textBody":"Please pay."}""".formatted(address));
        data.postmark(agency, """
                {"RecordType":"Bounce","Type":"HardBounce","ID":%d,"Email":"%s","BouncedAt":"%s",
                 "Details":"smtp;550 5.1.1 The email account that you tried to reach does not exist",
                 "Metadata":{"distman-delivery-id":"%d"}}""".formatted(bounced, address, java.time.Instant.now(), bounced));
        try (Browser browser = signedIn(reader)) {
            browser.go("app/view.xhtml?id=" + bounced);
            assertEquals("Failed", browser.find(By.id("status")).getText().trim());
            browser.click(By.linkText("Status"));
            String details = browser.find(By.id("viewForm:tabs:statusDetails")).getText();
            assertFalse(details.contains("Attempts"), details);
            assertFalse(details.contains("Next attempt"), details);
            browser.click(By.linkText("Timeline"));
            String timeline = browser.find(By.id("viewForm:tabs:timeline")).getText();
            assertTrue(timeline.contains("Postmark reported \u201CFailed\u201D: HardBounce"), timeline);
            assertFalse(timeline.contains("WEBHOOK"), timeline);
            assertFalse(timeline.contains("FAILED"), timeline);
            browser.screenshot("view-feedback");
        }
    }

    @Test
    void anotherAgencysAgentGetsNothing() throws Exception {
        try (Browser browser = signedIn(stranger)) {
            browser.go("app/view.xhtml?id=" + delivery);
            assertTrue(browser.find(By.id("notFound")).getText().contains("No such email"));
            assertFalse(browser.pageSource().contains(SUBJECT));
            assertTrue(browser.findAll(By.id("htmlFrame")).isEmpty());

            String cookie = "JSESSIONID=" + browser.driver().manage().getCookieNamed("JSESSIONID").getValue();
            assertEquals(404, get("app/view.xhtml?id=" + delivery, cookie).statusCode());
            HttpResponse<String> content = get("app/content/" + delivery, cookie);
            assertEquals(404, content.statusCode());
            assertFalse(content.body().contains("by Friday"));
            assertEquals(404, get("app/attachment/" + delivery + "/0", cookie).statusCode());
            assertEquals(404, get("app/attachment/" + delivery + "/1", cookie).statusCode());
        }
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(BASE + path)).header("Cookie", cookie).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
