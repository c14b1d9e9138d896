package io.distman.screens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.testsupport.browser.Browser;
import io.distman.testsupport.browser.ScreenTest;
import io.distman.testsupport.browser.TestData.Account;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The suppression list screen as support staff use it: search the account's list, see why an address is
 * on it, take one off with a note (which the "Changes" tab then shows), add one by hand. Agents may not open it.
 */
public class SuppressionScreenIT extends ScreenTest {

    static final By ADDRESSES = By.cssSelector("#tabs\\:listForm\\:table .dm-suppression-address");

    static Account northside;
    static Account harbour;
    static String agent;
    static String support;

    @BeforeAll
    static void users() throws Exception {
        northside = newAccount("supp-a");
        harbour = newAccount("supp-b");
        agent = newAgent(northside);
        support = newSupport(northside);
        data.grantSupport(support, harbour.id());
    }

    private static List<String> shown(Browser browser) {
        return browser.findAll(ADDRESSES).stream().map(WebElement::getText).toList();
    }

    private static void search(Browser browser, String part) {
        browser.type(By.id("tabs:listForm:addressPart"), part);
        browser.click(By.id("tabs:listForm:search"));
    }

    @Test
    void supportSearchesSeesWhyRemovesWithANoteAndAddsByHand() throws Exception {
        String token = UUID.randomUUID().toString().substring(0, 8);
        String bounced = "bounced." + token + "@tenant.example.org";
        String complained = "complained." + token + "@tenant.example.org";
        // a real hard bounce, so the entry has its source delivery and the bounce's diagnostic
        long bouncedDelivery = data.submit(northside, """
                {"raisedBy":"anna","category":"TRANSACTIONAL","sender":{"address":"lettings@northside.example"},
                 "to":[{"address":"%s"}],"subject":"Ticket","textBody":"Update."}""".formatted(bounced))
                .getJsonArray("deliveries").getJsonObject(0).getJsonNumber("deliveryId").longValue();
        data.report(bouncedDelivery, "FAILED", Map.of("smtpCode", "550", "enhancedCode", "5.1.1",
                "diagnostic", "mailbox unknown"));
        data.suppress(northside.id(), complained, "COMPLAINT");
        data.suppress(harbour.id(), "other." + token + "@tenant.example.org", "HARD_BOUNCE");

        try (Browser browser = signedIn(support)) {
            browser.go("app/support/suppressions.xhtml");
            search(browser, token.toUpperCase());
            browser.waitUntil(d -> shown(browser).size() == 2);
            assertEquals(List.of(bounced, complained).stream().sorted().toList(), shown(browser).stream().sorted().toList(),
                    "only this account's entries");

            search(browser, "bounced." + token);
            browser.waitUntil(d -> shown(browser).equals(List.of(bounced)));
            WebElement first = browser.find(By.cssSelector("#tabs\\:listForm\\:table tbody tr"));
            String row = first.getText();
            assertTrue(row.contains("HARD_BOUNCE") && row.contains("all mail") && row.contains("mailbox unknown"),
                    row + " | in the page: " + first.getAttribute("textContent"));
            String source = browser.find(By.cssSelector("#tabs\\:listForm\\:table tbody tr a")).getAttribute("href");
            assertTrue(source.endsWith("/distman/app/view.xhtml?id=" + bouncedDelivery), source);

            // remove: the note is required
            browser.click(By.id("tabs:listForm:table:0:remove"));
            browser.find(By.id("removeForm:note"));
            assertEquals(bounced, browser.find(By.id("removeAddress")).getText());
            browser.click(By.id("removeForm:confirmRemove"));
            assertTrue(browser.find(By.id("removeForm")).getText().contains("A note is required"));
            browser.type(By.id("removeForm:note"), "Tenant fixed the mailbox");
            browser.click(By.id("removeForm:confirmRemove"));
            browser.waitUntil(d -> !d.findElement(By.id("removeDialog")).isDisplayed());
            browser.waitUntil(d -> shown(browser).isEmpty());

            browser.click(By.linkText("Changes"));
            String audit = browser.find(By.id("tabs:auditForm:auditTable")).getText();
            assertTrue(audit.contains("REMOVED") && audit.contains(bounced) && audit.contains("Tenant fixed the mailbox")
                    && audit.contains(support) && audit.contains("HARD_BOUNCE"), audit);

            // add one by hand, bulk mail only
            browser.click(By.linkText("Suppressed addresses"));
            String manual = "manual." + token + "@tenant.example.org";
            browser.click(By.id("tabs:listForm:addOpen"));
            browser.find(By.id("addForm:address"));
            browser.type(By.id("addForm:address"), manual);
            browser.click(By.cssSelector("label[for='addForm:scope:1']"));
            browser.type(By.id("addForm:addNote"), "Asked on the phone for no newsletters");
            browser.click(By.id("addForm:confirmAdd"));
            browser.waitUntil(d -> !d.findElement(By.id("addDialog")).isDisplayed());

            search(browser, token);
            browser.waitUntil(d -> shown(browser).size() == 2);
            assertTrue(shown(browser).contains(manual), shown(browser).toString());
            String table = browser.find(By.id("tabs:listForm:table")).getText();
            assertTrue(table.contains("MANUAL") && table.contains("BULK only") && table.contains("added by " + support), table);
            browser.screenshot("suppressions");

            // a duplicate is refused with the reason, and the dialog stays open
            browser.click(By.id("tabs:listForm:addOpen"));
            browser.find(By.id("addForm:address"));
            browser.type(By.id("addForm:address"), complained);
            browser.type(By.id("addForm:addNote"), "again");
            browser.click(By.id("addForm:confirmAdd"));
            browser.waitUntil(d -> d.findElement(By.id("addForm")).getText().contains("already suppressed"));
            assertTrue(browser.find(By.id("addDialog")).isDisplayed());

            // Not an address: one sentence, not "Not changednot an address: ..." (summary and detail glued)
            browser.type(By.id("addForm:address"), "not an address");
            browser.type(By.id("addForm:addNote"), "typo");
            browser.click(By.id("addForm:confirmAdd"));
            browser.waitUntil(d -> d.findElement(By.id("addForm:addMessages")).getText().contains("invalid email address"));
            String said = browser.find(By.id("addForm:addMessages")).getText();
            assertTrue(said.startsWith("Not changed: not an address: invalid email address"), said);
            assertTrue(said.indexOf("Not changed") == said.lastIndexOf("Not changed"), "said once: " + said);
        }
    }

    @Test
    void agentsMayNotOpenTheScreen() throws Exception {
        try (Browser browser = signedIn(agent)) {
            browser.go("app/support/suppressions.xhtml");
            assertTrue(browser.pageSource().contains("403"), browser.pageSource());
            assertTrue(browser.findAll(By.id("tabs:listForm:table")).isEmpty());
        }
    }
}
