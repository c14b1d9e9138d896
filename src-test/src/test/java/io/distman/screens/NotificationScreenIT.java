package io.distman.screens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.testsupport.browser.Browser;
import io.distman.testsupport.browser.ScreenTest;
import io.distman.testsupport.browser.TestData.Account;
import io.distman.testsupport.ejb.Fixtures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Notifications in a real browser: the bell counts what the user has not read, the list opens the View of
 * the email, mark read and mark all read clear the count, the preferences page saves; agents cannot open
 * the account defaults.
 */
public class NotificationScreenIT extends ScreenTest {

    static Account northside;
    static String agent;
    static String admin;
    static long bounced;
    static long complained;

    @BeforeAll
    static void failedMail() throws Exception {
        northside = newAccount("bell");
        agent = newAgent(northside);
        admin = newAdmin(northside);
        bounced = submit("Rent demand 4711", "olivia");
        complained = submit("Newsletter November", "jack");
        data.report(bounced, "FAILED", Map.of("smtpCode", "550", "enhancedCode", "5.1.1",
                "diagnostic", "550 5.1.1 <olivia>: user unknown"));
        data.report(complained, "COMPLAINED", Map.of());
    }

    private static long submit(String subject, String name) {
        String json = """
                {"raisedBy":"%s","sourceModule":"demand","sourceRef":"4711","category":"ESSENTIAL",
                 "sender":{"address":"lettings@northside.example","name":"Northside Lettings"},
                 "to":[{"address":"%s"}],"subject":"%s","textBody":"Please pay by Friday."}"""
                .formatted(agent, Fixtures.address(name), subject);
        return data.submitOne(northside, json);
    }

    @Test
    void theBellCountsTheListOpensTheViewAndMarkReadClearsTheCount() throws Exception {
        try (Browser browser = signedIn(agent)) {
            browser.go("app/index.xhtml");
            assertEquals("2", browser.find(By.id("menuForm:bellCount")).getText());

            browser.click(By.id("menuForm:bell"));
            browser.waitUntil(d -> d.findElement(By.id("menuForm:bellPanel")).isDisplayed());
            String panel = browser.find(By.id("menuForm:bellPanel")).getText();
            assertTrue(panel.contains("Rent demand 4711") && panel.contains("Newsletter November"), panel);
            assertTrue(panel.contains("Marked as spam") && !panel.contains("COMPLAINED"), panel);
            browser.screenshot("bell");

            browser.go("app/notifications.xhtml");
            String list = browser.find(By.id("listForm:table")).getText();
            assertTrue(list.contains("Failed") && list.contains("Marked as spam"), list);
            assertFalse(list.contains("FAILED") || list.contains("COMPLAINED"), list);
            assertTrue(list.indexOf("Newsletter November") < list.indexOf("Rent demand 4711"), "newest first: " + list);
            browser.screenshot("notifications");

            // Mark the newest read: the badge drops to one.
            browser.click(By.id("listForm:table:0:markRead"));
            browser.waitUntil(d -> "1".equals(d.findElement(By.id("menuForm:bellCount")).getText()));

            // The other one's link opens the View of its email and marks it read.
            browser.click(By.id("listForm:table:1:open"));
            browser.waitUntil(d -> d.getCurrentUrl().contains("view.xhtml?id=" + bounced));
            assertEquals("Rent demand 4711", browser.find(By.id("subject")).getText());
            assertTrue(browser.findAll(By.id("menuForm:bellCount")).isEmpty(), "nothing unread");
        }
    }

    @Test
    void preferencesAreSavedAndAgentsCannotOpenTheAccountDefaults() throws Exception {
        try (Browser browser = signedIn(admin)) {
            browser.go("app/preferences.xhtml");
            assertTrue(browser.find(By.id("prefsForm:source")).getText().contains("built-in"));
            browser.click(By.cssSelector("[id='prefsForm:byEmail'] .ui-chkbox-box"));
            browser.click(By.id("prefsForm:save"));
            browser.waitUntil(d -> d.findElement(By.id("prefsForm:source")).getText().contains("your own choice"));
            browser.screenshot("preferences");

            browser.go("app/admin/notifications.xhtml");
            browser.click(By.id("defaultsForm:save"));
            browser.waitUntil(d -> d.findElement(By.id("defaultsForm:messages")).getText().contains("saved"));
        }
        try (Browser browser = signedIn(agent)) {
            String cookie = "JSESSIONID=" + browser.driver().manage().getCookieNamed("JSESSIONID").getValue();
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(BASE + "app/admin/notifications.xhtml")).header("Cookie", cookie).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(403, response.statusCode());
        }
    }
}
