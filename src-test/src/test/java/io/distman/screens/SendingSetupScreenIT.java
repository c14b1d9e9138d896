package io.distman.screens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.testsupport.browser.Browser;
import io.distman.testsupport.browser.ScreenTest;
import io.distman.testsupport.browser.TestData.Account;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The admin's sending set-up on screens (issue 11, part 4): a relay chosen and tested against the test GreenMail,
 * a domain added with the records to publish, a webhook key set with the URL for the provider's console; an
 * agent sees no Administration menu and is refused the pages.
 */
public class SendingSetupScreenIT extends ScreenTest {

    @Test
    void anAdminChoosesTheirOwnRelayAndTestsItBeforeAndAfterSaving() throws Exception {
        Account account = newAccount("scr-transport");
        try (Browser browser = signedIn(newAdmin(account))) {
            browser.go("app/admin/transport.xhtml");
            assertTrue(browser.find(By.id("transport:saved")).getText().contains("INSTALLATION"));
            browser.click(By.cssSelector("label[for='transport:mode:1']"));
            browser.waitUntil(d -> !d.findElements(By.id("transport:host")).isEmpty());
            browser.type(By.id("transport:host"), "localhost");
            browser.type(By.id("transport:port_input"), "3025");
            browser.click(By.id("transport:security"));
            browser.click(By.cssSelector("#transport\\:security_items li[data-label='NONE']"));
            browser.click(By.id("transport:test"));
            browser.waitUntil(d -> browser.find(By.id("transport:testOutcome")).getText().startsWith("Connection OK"));

            browser.click(By.id("transport:save"));
            browser.waitUntil(d -> browser.find(By.id("transport:saved")).getText().contains("RELAY"));
            browser.click(By.id("transport:test"));
            browser.waitUntil(d -> browser.find(By.id("transport:testOutcome")).getText().startsWith("Connection OK"));
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
            browser.click(By.cssSelector(".dm-webhook-mailgun button[id$='save']"));
            browser.waitUntil(d -> browser.find(By.cssSelector(".dm-webhook-mailgun .dm-hint")).getText().contains("own credential set on"));
            assertFalse(browser.pageSource().contains("screen-Secret-key-77"), "the key is never shown again");
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
