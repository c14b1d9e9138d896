package io.distman.screens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.testsupport.browser.Browser;
import io.distman.testsupport.browser.ScreenTest;
import io.distman.testsupport.browser.TestData.Account;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The recipient preferences screen as support staff use it: open an address (any case), opt it out and give it a
 * weekly digest, see the audit trail of the change, be told which field is wrong, find it in the list; an agent sees
 * the preferences on the View dialog of a mail that was not sent because of them, but may not open the screen.
 */
public class PreferenceScreenIT extends ScreenTest {

    static Account northside;
    static String agent;
    static String support;

    @BeforeAll
    static void users() throws Exception {
        northside = newAccount("pref");
        agent = newAgent(northside);
        support = newSupport(northside);
    }

    private static String text(Browser browser, String id) {
        return browser.find(By.id(id)).getText();
    }

    @Test
    void supportOptsAnAddressOutWithAWeeklyDigestAndSeesTheAuditTrail() throws Exception {
        String token = UUID.randomUUID().toString().substring(0, 8);
        String address = "Reader." + token + "@tenant.example.org";
        String stored = address.toLowerCase(java.util.Locale.ROOT);
        try (Browser browser = signedIn(support)) {
            browser.go("app/support/preferences.xhtml");
            browser.type(By.id("editForm:address"), address);
            browser.click(By.id("editForm:open"));
            browser.waitUntil(d -> !d.findElements(By.id("summary")).isEmpty());
            assertEquals("Receives all mail", text(browser, "summary"));
            assertTrue(text(browser, "editForm:changes").contains("Nobody has changed"));

            browser.click(By.cssSelector("[id='editForm:optedOut'] .ui-chkbox-box"));
            browser.click(By.id("editForm:digest"));
            browser.click(By.cssSelector("#editForm\\:digest_items li[data-label='Weekly']"));
            browser.click(By.id("editForm:weekday"));
            browser.click(By.cssSelector("#editForm\\:weekday_items li[data-label='FRIDAY']"));
            browser.type(By.id("editForm:time"), "7.30");
            browser.type(By.id("editForm:zone"), "Europe/London");
            browser.click(By.id("editForm:save"));
            browser.waitUntil(d -> d.findElement(By.id("editForm:messages")).getText().contains("digestTime"));
            assertTrue(text(browser, "editForm:messages").contains("Not saved: digestTime"), text(browser, "editForm:messages"));

            browser.type(By.id("editForm:time"), "07:30");
            browser.click(By.id("editForm:save"));
            browser.waitUntil(d -> d.findElement(By.id("summary")).getText().startsWith("Opted out"));
            String summary = text(browser, "summary");
            assertTrue(summary.contains("weekly digest on FRIDAY at 07:30 (Europe/London)") && summary.contains(support)
                    && summary.contains("next digest"), summary);
            String changes = text(browser, "editForm:changes");
            assertTrue(changes.contains("optedOut") && changes.contains("false") && changes.contains("true")
                    && changes.contains("WEEKLY") && changes.contains("FRIDAY") && changes.contains(support), changes);
            browser.screenshot("recipient-preferences");

            browser.type(By.id("listForm:addressPart"), token.toUpperCase(java.util.Locale.ROOT));
            browser.click(By.id("listForm:search"));
            browser.waitUntil(d -> d.findElement(By.id("listForm:table")).getText().contains(stored));
            assertTrue(text(browser, "listForm:table").contains("Opted out"));
        }

        long newsletter = data.submitOne(northside, """
                {"raisedBy":"anna","category":"BULK","sender":{"address":"news@northside.example"},
                 "to":[{"address":"%s"}],"subject":"Newsletter","textBody":"News."}""".formatted(address));
        try (Browser browser = signedIn(agent)) {
            browser.go("app/view.xhtml?id=" + newsletter);
            browser.waitUntil(d -> !d.findElements(By.id("viewForm:tabs:preference")).isEmpty());
            // on the Status tab, not the one shown first: read from the page, not as seen
            String shown = browser.driver().findElement(By.id("viewForm:tabs:preference")).getAttribute("textContent");
            assertTrue(shown.contains("Opted out of non-essential mail") && shown.contains("set by " + support), shown);
            assertTrue(browser.pageSource().contains("Opted out"), "the delivery's own status");
            assertTrue(browser.findAll(By.id("viewForm:tabs:editPreference")).isEmpty(), "agents get no link to the support screen");

            browser.go("app/support/preferences.xhtml");
            assertTrue(browser.pageSource().contains("403"), browser.pageSource());
            assertTrue(browser.findAll(By.id("editForm:address")).isEmpty());
        }
    }
}
