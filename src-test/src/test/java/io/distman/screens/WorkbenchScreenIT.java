package io.distman.screens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.testsupport.Deployments;
import io.distman.testsupport.browser.Browser;
import io.distman.testsupport.browser.TestData;
import io.distman.testsupport.browser.TestData.Account;
import java.net.URL;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The workbench widget in a real browser: an admin switches it on in Settings, an agent sees yesterday's
 * counts and clicks the Failed count into the Email Audit filtered to exactly those rows; an agent of
 * another agency sees zeros. Also the Monthly counts report.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class WorkbenchScreenIT {

    static final String PASSWORD = "s3cret-pass";

    @Deployment(testable = false)
    public static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    static URL base;
    static TestData data;
    static Account northside;
    static String admin;
    static String agent;
    static String otherAdmin;
    static String outsider;
    static String tag;
    static LocalDate yesterday;
    static Set<String> failedYesterday = new HashSet<>();

    /**
     * Northside: yesterday 3 failed, 1 complained, 2 left as sent; today 1 failed (not yesterday's).
     * Harbour (the other agency): nothing. The client and GlassFish share the machine, so its zone is the server's.
     */
    @BeforeAll
    static void mail() throws Exception {
        base = new URL("http://localhost:8080/distman/");
        data = new TestData(base);
        northside = data.newAccount("workbench");
        Account harbour = data.newAccount("workbench-other");
        admin = data.newUser(northside.id(), "admin", "ADMIN", PASSWORD);
        agent = data.newUser(northside.id(), "agent", "AGENT", PASSWORD);
        otherAdmin = data.newUser(harbour.id(), "admin", "ADMIN", PASSWORD);
        outsider = data.newUser(harbour.id(), "agent", "AGENT", PASSWORD);
        tag = UUID.randomUUID().toString().substring(0, 8);
        ZoneId zone = ZoneId.systemDefault();
        yesterday = LocalDate.now(zone).minusDays(1);
        Instant noon = yesterday.atTime(12, 0).atZone(zone).toInstant();
        for (int i = 0; i < 3; i++) {
            String to = "failed." + tag + "." + i + "@tenant.example.org";
            mail(to, noon.plus(i, ChronoUnit.MINUTES), "FAILED");
            failedYesterday.add(to);
        }
        mail("complained." + tag + "@tenant.example.org", noon, "COMPLAINED");
        mail("fine." + tag + ".1@tenant.example.org", noon, null);
        mail("fine." + tag + ".2@tenant.example.org", noon, null);
        mail("today." + tag + "@tenant.example.org", null, "FAILED");
    }

    private static void mail(String to, Instant createdAt, String status) {
        String json = """
                {"raisedBy":"anna","sourceModule":"demand","sourceRef":"4711","category":"ESSENTIAL","priority":"NORMAL",
                 "sender":{"address":"lettings@northside.example"},"to":[{"address":"%s"}],
                 "subject":"Rent demand","textBody":"Please pay."}""".formatted(to);
        long delivery = data.submit(northside, json).getJsonArray("deliveries").getJsonObject(0)
                .getJsonNumber("deliveryId").longValue();
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

    @Test
    @Order(1)
    void anAdminSwitchesTheWidgetOn() throws Exception {
        try (Browser browser = Browser.open(base)) {
            browser.login(admin, PASSWORD);
            browser.go("app/workbench.xhtml");
            assertTrue(browser.find(By.id("widgetOff")).getText().contains("off"), "admins are told it is off");
            assertTrue(browser.findAll(By.cssSelector(".dm-widget")).isEmpty());
            switchOn(browser);
            assertTrue(browser.find(By.id("settings:changed")).getText().contains("by " + admin));
            browser.screenshot("settings");
            browser.go("app/workbench.xhtml");
            assertEquals(3, count(browser, "FAILED"));
        }
        try (Browser browser = Browser.open(base)) {
            browser.login(otherAdmin, PASSWORD);
            switchOn(browser);
        }
    }

    @Test
    @Order(2)
    void anAgentClicksYesterdaysFailuresIntoTheAudit() throws Exception {
        try (Browser browser = Browser.open(base)) {
            browser.login(agent, PASSWORD);
            browser.click(By.id("menuForm:menuWorkbench"));
            assertEquals(3, count(browser, "FAILED"));
            assertEquals(1, count(browser, "COMPLAINED"));
            assertEquals(0, count(browser, "REJECTED"));
            assertEquals(0, count(browser, "UNSUBSCRIBED"));
            assertEquals(yesterday.toString(), browser.find(By.cssSelector(".dm-widget-day")).getText());
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
                assertTrue(row.getText().contains("FAILED"), row.getText());
                failedYesterday.stream().filter(row.getText()::contains).forEach(shown::add);
            }
            assertEquals(failedYesterday, shown, "exactly yesterday's failed rows");
            assertEquals(yesterday.toString(), browser.find(By.id("audit:from_input")).getAttribute("value"));
            assertEquals(yesterday.toString(), browser.find(By.id("audit:to_input")).getAttribute("value"));
        }
    }

    @Test
    @Order(3)
    void anAgentOfAnotherAgencySeesZeros() throws Exception {
        try (Browser browser = Browser.open(base)) {
            browser.login(outsider, PASSWORD);
            browser.go("app/workbench.xhtml");
            for (String status : List.of("FAILED", "COMPLAINED", "REJECTED", "UNSUBSCRIBED")) {
                assertEquals(0, count(browser, status), status);
            }
        }
    }

    @Test
    @Order(4)
    void theMonthlyReportCountsTheAccountsMail() throws Exception {
        try (Browser browser = Browser.open(base)) {
            browser.login(agent, PASSWORD);
            browser.go("app/reports/monthly.xhtml");
            browser.find(By.cssSelector("#monthly\\:chart canvas"));
            browser.screenshot("monthly");
            assertEquals("7 emails in all", browser.find(By.id("monthly:rows:total")).getText());
            assertTrue(browser.find(By.id("monthly:rows")).getText().contains("FAILED"));
        }
    }
}
