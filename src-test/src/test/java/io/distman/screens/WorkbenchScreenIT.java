package io.distman.screens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.testsupport.browser.Browser;
import io.distman.testsupport.browser.ScreenTest;
import io.distman.testsupport.browser.TestData.Account;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The workbench widget in a real browser: an admin switches it on in Settings, an agent sees yesterday's
 * counts and clicks the Failed count into the Email Audit filtered to exactly those rows; an agent of
 * another agency sees zeros. Also the Monthly counts report. Every test makes its own agencies and mail (the
 * widget's switch is per agency), so none depends on another having run.
 */
public class WorkbenchScreenIT extends ScreenTest {

    /** An agency with an admin, an agent and the mail of {@link #northsideWithMail()}. */
    record Agency(Account account, String admin, String agent, LocalDate yesterday, Set<String> failedYesterday) {
    }

    /**
     * Northside: yesterday 3 failed, 1 complained, 2 left as sent; today 1 failed (not yesterday's); the widget
     * is off, as for every new agency. The client and GlassFish share the machine, so its zone is the server's.
     */
    private static Agency northsideWithMail() {
        Account northside = newAccount("workbench");
        String tag = UUID.randomUUID().toString().substring(0, 8);
        ZoneId zone = ZoneId.systemDefault();
        LocalDate yesterday = LocalDate.now(zone).minusDays(1);
        Instant noon = yesterday.atTime(12, 0).atZone(zone).toInstant();
        Set<String> failedYesterday = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            String to = "failed." + tag + "." + i + "@tenant.example.org";
            mail(northside, to, noon.plus(i, ChronoUnit.MINUTES), "FAILED");
            failedYesterday.add(to);
        }
        mail(northside, "complained." + tag + "@tenant.example.org", noon, "COMPLAINED");
        mail(northside, "fine." + tag + ".1@tenant.example.org", noon, null);
        mail(northside, "fine." + tag + ".2@tenant.example.org", noon, null);
        mail(northside, "today." + tag + "@tenant.example.org", null, "FAILED");
        return new Agency(northside, newAdmin(northside), newAgent(northside), yesterday, Set.copyOf(failedYesterday));
    }

    private static void mail(Account account, String to, Instant createdAt, String status) {
        String json = """
                {"raisedBy":"anna","sourceModule":"demand","sourceRef":"4711","category":"ESSENTIAL","priority":"NORMAL",
                 "sender":{"address":"lettings@northside.example"},"to":[{"address":"%s"}],
                 "subject":"Rent demand","textBody":"Please pay."}""".formatted(to);
        long delivery = data.submitOne(account, json);
        if (createdAt != null) {
            data.createdAt(delivery, createdAt);
        }
        if (status != null) {
            data.report(delivery, status, Map.of("smtpCode", "550", "diagnostic", "user unknown"));
        }
    }

    private static long count(Browser browser, String status) {
        return Long.parseLong(browser.find(By.cssSelector(".dm-widget-number[data-status='" + status + "']")).getText());
    }

    private static void switchOn(Browser browser) {
        browser.go("app/admin/settings.xhtml");
        WebElement toggle = browser.find(By.id("settings:failureWidget"));
        if (!toggle.getAttribute("class").contains("ui-toggleswitch-checked")) {
            browser.click(By.cssSelector("#settings\\:failureWidget .ui-toggleswitch-slider"));
        }
        browser.click(By.id("settings:save"));
        browser.waitUntil(d -> browser.find(By.id("settings:changed")).getText().contains("by "));
    }

    /** The admin switches the widget on for their agency, as anAdminSwitchesTheWidgetOn does through Settings. */
    private static void widgetOn(String admin) throws Exception {
        try (Browser browser = signedIn(admin)) {
            switchOn(browser);
        }
    }

    @Test
    void anAdminSwitchesTheWidgetOn() throws Exception {
        Agency northside = northsideWithMail();
        try (Browser browser = signedIn(northside.admin())) {
            browser.go("app/workbench.xhtml");
            assertTrue(browser.find(By.id("widgetOff")).getText().contains("off"), "admins are told it is off");
            assertTrue(browser.findAll(By.cssSelector(".dm-widget")).isEmpty());
            switchOn(browser);
            assertTrue(browser.find(By.id("settings:changed")).getText().contains("by " + northside.admin()));
            browser.screenshot("settings");
            browser.go("app/workbench.xhtml");
            assertEquals(3, count(browser, "FAILED"));
        }
    }

    @Test
    void anAgentClicksYesterdaysFailuresIntoTheAudit() throws Exception {
        Agency northside = northsideWithMail();
        LocalDate yesterday = northside.yesterday();
        widgetOn(northside.admin());
        try (Browser browser = signedIn(northside.agent())) {
            browser.click(By.id("menuForm:menuWorkbench"));
            assertEquals(3, count(browser, "FAILED"));
            assertEquals(1, count(browser, "COMPLAINED"));
            assertEquals(0, count(browser, "REJECTED"));
            assertEquals(0, count(browser, "UNSUBSCRIBED"));
            assertEquals(yesterday.toString(), browser.find(By.cssSelector(".dm-widget-day")).getText());
            assertEquals("Marked as spam", browser.find(By.cssSelector("a.dm-widget-complained .dm-widget-label")).getText());
            browser.screenshot("workbench");

            browser.click(By.cssSelector("a.dm-widget-failed"));
            browser.waitUntil(d -> d.getCurrentUrl().contains("audit.xhtml"));
            String url = browser.currentUrl();
            assertTrue(url.contains("status=FAILED") && url.contains("from=" + yesterday) && url.contains("to=" + yesterday), url);
            assertEquals("1–3 of 3", browser.find(By.cssSelector("#audit\\:rows .ui-paginator-current")).getText());
            List<WebElement> rows = browser.findAll(By.cssSelector("#audit\\:rows_data tr"));
            assertEquals(3, rows.size());
            Set<String> shown = new HashSet<>();
            for (WebElement row : rows) {
                assertTrue(row.getText().contains("Failed"), row.getText());
                northside.failedYesterday().stream().filter(row.getText()::contains).forEach(shown::add);
            }
            assertEquals(northside.failedYesterday(), shown, "exactly yesterday's failed rows");
            assertEquals(yesterday.toString(), browser.find(By.id("audit:from_input")).getAttribute("value"));
            assertEquals(yesterday.toString(), browser.find(By.id("audit:to_input")).getAttribute("value"));
        }
    }

    /** Northside has yesterday's failures; harbour's widget is on and must count none of them. */
    @Test
    void anAgentOfAnotherAgencySeesZeros() throws Exception {
        northsideWithMail();
        Account harbour = newAccount("workbench-other");
        String outsider = newAgent(harbour);
        widgetOn(newAdmin(harbour));
        try (Browser browser = signedIn(outsider)) {
            browser.go("app/workbench.xhtml");
            for (String status : List.of("FAILED", "COMPLAINED", "REJECTED", "UNSUBSCRIBED")) {
                assertEquals(0, count(browser, status), status);
            }
        }
    }

    @Test
    void theMonthlyReportCountsTheAccountsMail() throws Exception {
        Agency northside = northsideWithMail();
        try (Browser browser = signedIn(northside.agent())) {
            browser.go("app/reports/monthly.xhtml");
            browser.find(By.cssSelector("#monthly\\:chart canvas"));
            browser.screenshot("monthly");
            assertEquals("7 emails in all", browser.find(By.id("monthly:rows:total")).getText());
            String table = browser.find(By.id("monthly:rows")).getText();
            assertTrue(table.contains("Failed") && !table.contains("FAILED"), table);
        }
    }
}
