package io.distman.screens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.testsupport.browser.Browser;
import io.distman.testsupport.browser.ScreenTest;
import io.distman.testsupport.browser.TestData.Account;
import org.junit.jupiter.api.Test;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The admin's sending set-up on screens (issue 11, part 4): a relay chosen and tested against the test GreenMail,
 * a domain added with the records to publish, a webhook key set with the URL for the provider's console; an
 * agent sees no Administration menu and is refused the pages.
 */
public class SendingSetupScreenIT extends ScreenTest {

    /** The relay test's outcome line, once there is one. */
    private static String outcome(Browser browser) {
        browser.waitUntil(d -> !d.findElements(By.id("transport:testOutcome")).isEmpty()
                || !d.findElements(By.cssSelector(".ui-growl-title")).isEmpty());
        return browser.findAll(By.id("transport:testOutcome")).isEmpty() ? "no outcome: " + growl(browser)
                : browser.find(By.id("transport:testOutcome")).getText();
    }

    /** The growl's newest title and detail (the last message shown). */
    private static String growl(Browser browser) {
        browser.waitUntil(d -> !d.findElements(By.cssSelector(".ui-growl-title")).isEmpty());
        List<WebElement> titles = browser.findAll(By.cssSelector(".ui-growl-title"));
        String title = titles.get(titles.size() - 1).getText();
        List<WebElement> details = browser.findAll(By.cssSelector(".ui-growl-message p"));
        return details.isEmpty() || details.get(details.size() - 1).getText().equals(title) ? title
                : title + (title.endsWith("saved") ? "" : ": " + details.get(details.size() - 1).getText());
    }

    @Test
    void anAdminChoosesTheirOwnRelayAndTestsItBeforeAndAfterSaving() throws Exception {
        Account account = newAccount("scr-transport");
        try (Browser browser = signedIn(newAdmin(account))) {
            browser.go("app/admin/transport.xhtml");
            assertTrue(browser.find(By.id("transport:saved")).getText().contains("INSTALLATION"));
            browser.click(By.cssSelector("label[for='transport:mode:1']"));
            browser.waitUntil(d -> !d.findElements(By.id("transport:host")).isEmpty());
            browser.type(By.id("transport:host"), "localhost");
            browser.type(By.id("transport:port"), "3025");
            browser.click(By.id("transport:security"));
            browser.click(By.cssSelector("#transport\\:security_items li[data-label='NONE']"));
            browser.click(By.id("transport:test"));
            assertTrue(outcome(browser).startsWith("Connection OK: Connected to localhost:3025"), outcome(browser));

            browser.click(By.id("transport:save"));
            assertEquals("Transport saved", growl(browser));
            assertTrue(browser.find(By.id("transport:saved")).getText().contains("RELAY"));
            browser.click(By.id("transport:test"));
            assertTrue(outcome(browser).startsWith("Connection OK"), outcome(browser));
            browser.screenshot("admin-transport");
        }
    }

    @Test
    void anAdminAddsADomainAndSeesTheRecordsToPublish() throws Exception {
        Account account = newAccount("scr-identity");
        String domain = account.code().toLowerCase() + ".example";
        try (Browser browser = signedIn(newAdmin(account))) {
            browser.go("app/admin/identities.xhtml");
            browser.type(By.id("identities:newIdentity"), domain);
            browser.click(By.id("identities:add"));
            browser.waitUntil(d -> d.getPageSource().contains("_distman." + domain));
            String page = browser.pageSource();
            assertTrue(page.contains("distman-verification="), "the verification TXT value is shown");
            assertTrue(page.contains("._domainkey." + domain), "the DKIM record's name is shown");
            assertTrue(page.contains("v=DKIM1; k=rsa; p="), "the DKIM record's value is shown");
            assertTrue(page.contains("v=spf1 "), "an SPF hint is shown");
            assertFalse(page.contains("PRIVATE KEY"));
            browser.screenshot("admin-identities");
        }
    }

    @Test
    void anAdminSetsAWebhookKeyAndSeesTheUrlForTheProvidersConsole() throws Exception {
        Account account = newAccount("scr-webhook");
        try (Browser browser = signedIn(newAdmin(account))) {
            browser.go("app/admin/webhooks.xhtml");
            String url = browser.find(By.cssSelector(".dm-webhook-mailgun .dm-webhook-url")).getText();
            assertEquals(BASE + "api/v1/webhooks/mailgun/" + account.code(), url);
            browser.find(By.cssSelector(".dm-webhook-mailgun input[type=password]")).sendKeys("screen-Secret-key-77");
            browser.click(By.cssSelector(".dm-webhook-mailgun .dm-webhook-save"));
            assertEquals("Mailgun signing key saved", growl(browser));
            assertTrue(browser.find(By.cssSelector(".dm-webhook-mailgun .dm-webhook-state")).getText().startsWith("own credential set on"));
            browser.screenshot("admin-webhooks");
            assertFalse(browser.pageSource().contains("screen-Secret-key-77"), "the key is never shown again");
        }
    }

    @Test
    void anAdminSwitchesClickTrackingOffForBulkMail() throws Exception {
        Account account = newAccount("scr-tracking");
        try (Browser browser = signedIn(newAdmin(account))) {
            browser.go("app/admin/tracking.xhtml");
            By bulkClicks = By.id("tracking:rows:2:clicks_input"); // TRANSACTIONAL, ESSENTIAL, BULK
            assertTrue(browser.findAll(bulkClicks).get(0).isSelected(), "bulk mail tracks clicks by default");
            browser.click(By.cssSelector("#tracking\\:rows\\:2\\:clicks .ui-toggleswitch-slider"));
            browser.click(By.id("tracking:save"));
            assertEquals("Tracking saved", growl(browser));
            browser.go("app/admin/tracking.xhtml");
            assertFalse(browser.findAll(bulkClicks).get(0).isSelected(), "the choice is stored");
            assertTrue(browser.findAll(By.id("tracking:rows:2:opens_input")).get(0).isSelected());
        }
    }

    @Test
    void anAgentHasNoAdministrationMenuAndIsRefusedThePages() throws Exception {
        Account account = newAccount("scr-agent");
        try (Browser browser = signedIn(newAgent(account))) {
            browser.go("app/index.xhtml");
            assertTrue(browser.findAll(By.id("menuForm:menuAdministration")).isEmpty());
            browser.go("app/admin/transport.xhtml");
            assertFalse(browser.pageSource().contains("Test connection"), "the agent does not get the transport screen");
        }
    }
}
