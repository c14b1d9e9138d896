package io.distman.screens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.testsupport.TestEnvironment;
import io.distman.testsupport.browser.Browser;
import io.distman.testsupport.browser.ScreenTest;
import io.distman.testsupport.browser.TestData.Account;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The administration screens as people use them: an admin issues an API key, sees it once, and revokes it; the
 * installation's operator creates an account and suspends it. Screenshots for the README.
 */
public class AdministrationScreenIT extends ScreenTest {

    private static int status(String key) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(TestEnvironment.baseUrl() + "api/v1/messages/999999999"))
                .header("Authorization", "Bearer " + key).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void anAdminIssuesAKeySeesItOnceAndRevokesIt() throws Exception {
        Account account = newAccount("keys-screen");
        try (Browser browser = signedIn(newAdmin(account))) {
            browser.go("app/admin/apikeys.xhtml");
            browser.type(By.id("keysForm:label"), "nightly export");
            browser.click(By.id("keysForm:issue"));
            String key = browser.find(By.id("issuedForm:issuedKey")).getAttribute("value");
            assertTrue(key.startsWith("dm_"), key);
            assertEquals(404, status(key), "the key works at once");
            browser.screenshot("apikeys-issued");
            browser.click(By.id("issuedForm:closeKey"));
            browser.waitUntil(d -> !d.findElement(By.id("issuedForm:issuedDialog")).isDisplayed());

            browser.go("app/admin/apikeys.xhtml");
            String table = browser.find(By.id("keysForm:keys")).getText();
            assertTrue(table.contains("nightly export") && table.contains(key.substring(0, 11)), table);
            assertFalse(browser.pageSource().contains(key), "never shown again");
            browser.screenshot("apikeys");

            browser.click(By.cssSelector("[id$=':revoke']"));
            browser.click(By.cssSelector(".ui-confirmdialog-yes"));
            browser.waitUntil(d -> d.findElement(By.id("keysForm:keys")).getText().contains("revoked"));
            assertEquals(401, status(key), "refused from the next request on");
        }
    }

    @Test
    void theOperatorCreatesAnAccountAndSuspendsIt() throws Exception {
        Account home = newAccount("ops-screen");
        String operator = data.newUser(home.id(), "operator", "OPERATOR", PASSWORD);
        String code = "screen-" + UUID.randomUUID().toString().substring(0, 8);
        try (Browser browser = signedIn(operator)) {
            browser.waitUntil(d -> d.getCurrentUrl().contains("operator/accounts.xhtml"));
            assertFalse(browser.pageSource().contains("menuQueue") || browser.pageSource().contains("menuWorkbench"),
                    "an operator works on no account's mail: no menu leads to a page they would be refused");
            browser.type(By.id("accountsForm:code"), code);
            browser.type(By.id("accountsForm:name"), "Screen Lettings");
            browser.click(By.id("accountsForm:create"));
            browser.waitUntil(d -> d.findElement(By.id("accountsForm:accounts")).getText().contains(code));

            browser.click(By.xpath("//tr[td[normalize-space()='" + code + "']]//button[contains(@id,':suspend')]"));
            browser.waitUntil(d -> d.findElement(By.xpath("//tr[td[normalize-space()='" + code + "']]")).getText().contains("suspended"));

            browser.type(By.id("accountsForm:code"), "Not A Code");
            browser.type(By.id("accountsForm:name"), "x");
            browser.click(By.id("accountsForm:create"));
            browser.waitUntil(d -> d.findElement(By.id("accountsForm:messages")).getText().contains("code:"));
            browser.screenshot("accounts");
        }
        try (Browser agent = signedIn(newAgent(home))) {
            agent.go("app/operator/accounts.xhtml");
            assertFalse(agent.pageSource().contains("accountsForm"), "agents do not see the operator's screen");
        }
    }
}
