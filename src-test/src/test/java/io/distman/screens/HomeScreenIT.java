package io.distman.screens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.testsupport.browser.Browser;
import io.distman.testsupport.browser.ScreenTest;
import io.distman.testsupport.browser.TestData.Account;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The start page (/app/) as an agent's first screen: yesterday's problems, the queue in numbers and the latest
 * failures of the agent's own agency, counted exactly, while another agency's mail of every kind is on the
 * same server and counts nowhere. Queued mail is scheduled for tomorrow, so no dispatch run can move the
 * numbers while the test reads them.
 */
public class HomeScreenIT extends ScreenTest {

    private static final ZoneId ZONE = ZoneId.systemDefault();

    /** Mail of one agency, every subject carrying {@code tag}: yesterday's problems, queued mail, today's failures. */
    private static void mail(Account account, String tag) {
        Instant yesterdayNoon = LocalDate.now(ZONE).minusDays(1).atTime(12, 0).atZone(ZONE).toInstant();
        // yesterday: two failed, one marked as spam
        for (int i = 0; i < 2; i++) {
            long failed = submit(account, "Yesterday failed " + i + " " + tag, "y" + i + "." + tag + "@tenant.example.org", null);
            data.createdAt(failed, yesterdayNoon.plus(i, ChronoUnit.MINUTES));
            data.report(failed, "FAILED", Map.of("smtpCode", "550", "diagnostic", "user unknown"));
        }
        long spam = submit(account, "Yesterday spam " + tag, "spam." + tag + "@tenant.example.org", null);
        data.createdAt(spam, yesterdayNoon);
        data.report(spam, "COMPLAINED", Map.of());
        // today: three waiting for tomorrow, one of them retrying; one failed; one without an address
        Instant tomorrow = Instant.now().plus(1, ChronoUnit.DAYS);
        long retrying = 0;
        for (int i = 0; i < 3; i++) {
            retrying = submit(account, "Tomorrow " + i + " " + tag, "t" + i + "." + tag + "@tenant.example.org", tomorrow);
        }
        data.report(retrying, "TEMPORARY_FAILURE", Map.of("smtpCode", "451", "diagnostic", "451 4.7.1 greylisted"));
        data.report(submit(account, "Today failed " + tag, "f." + tag + "@tenant.example.org", null), "FAILED",
                Map.of("smtpCode", "550", "diagnostic", "user unknown"));
        submit(account, "Today no address " + tag, null, null);
    }

    private static long submit(Account account, String subject, String to, Instant sendAt) {
        String recipient = to == null ? "{\"name\":\"Amelia Taylor\"}" : "{\"address\":\"" + to + "\"}";
        String json = """
                {"raisedBy":"anna","sourceModule":"demand","sourceRef":"4711","category":"ESSENTIAL","priority":"NORMAL",
                 "sender":{"address":"lettings@northside.example"},"to":[%s],%s
                 "subject":"%s","textBody":"Please pay."}"""
                .formatted(recipient, sendAt == null ? "" : "\"sendAt\":\"" + sendAt + "\",", subject);
        return data.submitOne(account, json);
    }

    private static long number(Browser browser, String css) {
        return Long.parseLong(browser.find(By.cssSelector(css)).getText().trim());
    }

    @Test
    void anAgentSeesYesterdaysProblemsTheQueueAndRecentFailuresOfTheirAgencyOnly() throws Exception {
        Account northside = newAccount("home");
        Account harbour = newAccount("home-other");
        String ours = UUID.randomUUID().toString().substring(0, 8);
        String theirs = UUID.randomUUID().toString().substring(0, 8);
        mail(northside, ours);
        mail(harbour, theirs);
        mail(harbour, theirs + "b");
        try (Browser browser = signedIn(newAgent(northside))) {
            browser.go("app/index.xhtml");
            assertTrue(browser.driver().getTitle().startsWith("Start"), browser.driver().getTitle());

            // Yesterday's problems: the widget, shown on the start page although nobody switched it on
            assertEquals(2, number(browser, ".dm-widget-number[data-status='FAILED']"));
            assertEquals(1, number(browser, ".dm-widget-number[data-status='COMPLAINED']"));
            assertEquals(0, number(browser, ".dm-widget-number[data-status='REJECTED']"));

            // The queue in numbers, in words
            assertEquals(2, number(browser, ".dm-home-number[data-status='SCHEDULED']"));
            assertEquals(1, number(browser, ".dm-home-number[data-status='TEMPORARY_FAILURE']"));
            assertEquals(0, number(browser, ".dm-home-number[data-status='PENDING']"));
            assertEquals(3, number(browser, "#queueTotal"));
            String queue = browser.find(By.id("queueNumbers")).getText();
            assertTrue(queue.contains("Delayed, will retry") && queue.contains("Scheduled"), queue);

            // Recent failures: this week's, newest first, with the status in words
            List<WebElement> rows = browser.findAll(By.cssSelector("#failures\\:rows_data tr"));
            String failures = browser.find(By.id("failures:rows")).getText();
            assertEquals(5, rows.size(), failures);
            assertTrue(rows.get(0).getText().contains("Today no address " + ours)
                    || rows.get(0).getText().contains("Today failed " + ours), failures);
            assertTrue(failures.contains("No email address") && failures.contains("Marked as spam"), failures);
            assertFalse(failures.contains(theirs), "another agency's mail: " + failures);
            assertFalse(browser.pageSource().contains(theirs), "nowhere on the page");
            browser.screenshot("start");

            // Each part leads to the screen that deals with it
            browser.click(By.id("allFailures"));
            browser.waitUntil(d -> d.getCurrentUrl().contains("audit.xhtml"));
            assertEquals("1–5 of 5", browser.find(By.cssSelector("#audit\\:rows .ui-paginator-current")).getText());
        }
    }

    @Test
    void anAgentOfAQuietAgencySeesZerosAndNoFailures() throws Exception {
        mail(newAccount("home-busy"), UUID.randomUUID().toString().substring(0, 8));
        try (Browser browser = signedIn(newAgent(newAccount("home-quiet")))) {
            browser.go("app/index.xhtml");
            assertEquals(0, number(browser, ".dm-widget-number[data-status='FAILED']"));
            assertEquals(0, number(browser, "#queueTotal"));
            assertTrue(browser.find(By.id("failures:rows")).getText().contains("No failures in the last 7 days"));
        }
    }
}
