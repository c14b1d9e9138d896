package io.distman.screens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.testsupport.browser.Browser;
import io.distman.testsupport.browser.ScreenTest;
import io.distman.testsupport.browser.TestData.Account;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Queue and History in a real browser: an agent sees the account's waiting mail, ticks two rows and sends
 * them now; they reach the test SMTP server within seconds and show up in History with their icon, where
 * the eye opens the View dialog. Another agency's agent sees none of it. Every test makes its own agency and
 * mail, so none depends on another having run.
 */
public class QueueScreenIT extends ScreenTest {

    /** An agency with its agent and three NORMAL emails waiting in the queue, the third one retrying. */
    record Queued(Account account, String agent, List<String> addresses, List<String> subjects) {
    }

    /** Three emails wait (the sweep runs every 10 minutes, so they stay); the third is retrying. */
    private static Queued queued() {
        Account northside = newAccount("queue-screen");
        String agent = newAgent(northside);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        List<String> addresses = List.of(1, 2, 3).stream().map(i -> "olivia." + tag + "." + i + "@tenant.example.org").toList();
        List<String> subjects = List.of(1, 2, 3).stream().map(i -> "Rent demand " + (4710 + i) + " " + tag).toList();
        long last = 0;
        for (int i = 0; i < 3; i++) {
            last = submit(northside, subjects.get(i), addresses.get(i), String.valueOf(4711 + i));
        }
        data.report(last, "TEMPORARY_FAILURE", Map.of("smtpCode", "451", "enhancedCode", "4.7.1",
                "diagnostic", "451 4.7.1 greylisted, try again later"));
        return new Queued(northside, agent, addresses, subjects);
    }

    private static long submit(Account account, String subject, String to, String ref) {
        String json = """
                {"raisedBy":"anna","sourceModule":"demand","sourceRef":"%s","category":"ESSENTIAL","priority":"NORMAL",
                 "sender":{"address":"lettings@northside.example"},"to":[{"address":"%s"}],
                 "subject":"%s","textBody":"Please pay by Friday.","htmlBody":"<p>Please pay by <b>Friday</b>.</p>"}"""
                .formatted(ref, to, subject);
        return data.submitOne(account, json);
    }

    /** On the Queue screen: ticks the first two emails and clicks Send now; @return what the page says it did. */
    private static String sendFirstTwoNow(Browser browser, Queued mail) {
        row(browser, "queue", mail.subjects().get(0)).findElement(By.cssSelector(".ui-chkbox-box")).click();
        row(browser, "queue", mail.subjects().get(1)).findElement(By.cssSelector(".ui-chkbox-box")).click();
        browser.click(By.id("queue:sendNow"));
        return browser.find(By.id("queue:outcome")).getText();
    }

    /** Signs in as the agency's agent and sends the first two now, until the test SMTP server has both. */
    private static void sendFirstTwo(Queued mail) throws Exception {
        try (Browser browser = signedIn(mail.agent())) {
            browser.go("app/queue.xhtml");
            sendFirstTwoNow(browser, mail);
            browser.waitUntil(d -> received(mail, 0) && received(mail, 1));
        }
    }

    private static boolean received(Queued mail, int index) {
        return data.received(mail.addresses().get(index)) == 1;
    }

    private static String pageReport(Browser browser, String form) {
        return browser.find(By.cssSelector("#" + form + "\\:rows .ui-paginator-current")).getText();
    }

    /** The row of the table whose text contains {@code text}. */
    private static WebElement row(Browser browser, String form, String text) {
        return browser.findAll(By.cssSelector("#" + form + "\\:rows_data tr")).stream()
                .filter(r -> r.getText().contains(text)).findFirst().orElseThrow(() -> new AssertionError("no row with " + text));
    }

    @Test
    void anAgentTicksTwoRowsAndSendsThemNow() throws Exception {
        Queued mail = queued();
        try (Browser browser = signedIn(mail.agent())) {
            browser.go("app/queue.xhtml");
            assertEquals("1–3 of 3", pageReport(browser, "queue"));
            String table = browser.find(By.id("queue:rows")).getText();
            assertTrue(table.contains("Delayed, will retry") && table.contains("greylisted"), table);
            assertFalse(table.contains("TEMPORARY_FAILURE"), table);
            assertTrue(table.contains("demand 4711"), table);
            browser.screenshot("queue");

            long start = System.nanoTime();
            String growl = sendFirstTwoNow(browser, mail);
            assertTrue(growl.contains("2 of 2 sent now. On their way"), growl);

            // The mail leaves within seconds, not at the next sweep ten minutes away.
            browser.waitUntil(d -> received(mail, 0) && received(mail, 1));
            System.out.printf("MEASURE queue_screen_click_to_smtp %d ms%n", (System.nanoTime() - start) / 1_000_000);
            assertEquals(0, data.received(mail.addresses().get(2)), "the unticked one waits");

            browser.go("app/queue.xhtml");
            assertEquals("1–1 of 1", pageReport(browser, "queue"));
            assertTrue(browser.find(By.id("queue:rows")).getText().contains(mail.subjects().get(2)));
        }
    }

    /**
     * Right after a bulk action the buttons take the next click: what was done is said under them, not in a
     * pop-up over them (the growl covered Send now / Retry now / Cancel for six seconds; Selenium refuses a
     * click on a covered element, so this failed then).
     */
    @Test
    void theBulkButtonsTakeTheNextClickRightAfterAnAction() throws Exception {
        Queued mail = queued();
        try (Browser browser = signedIn(mail.agent())) {
            browser.go("app/queue.xhtml");
            sendFirstTwoNow(browser, mail);
            assertTrue(browser.findAll(By.cssSelector(".ui-growl-message")).stream().noneMatch(WebElement::isDisplayed),
                    "no pop-up over the buttons");
            row(browser, "queue", mail.subjects().get(2)).findElement(By.cssSelector(".ui-chkbox-box")).click();
            browser.click(By.id("queue:retryNow"));
            browser.waitUntil(d -> d.findElement(By.id("queue:outcome")).getText().contains("1 of 1 due now"));
            String said = browser.find(By.id("queue:outcome")).getText();
            assertTrue(said.contains("1 of 1 due now. They go with the next dispatch run."), said);
            assertFalse(said.contains("due nowThey"), said);
        }
    }

    @Test
    void historyShowsTheSentMailWithItsIconAndTheViewDialog() throws Exception {
        Queued mail = queued();
        sendFirstTwo(mail);
        try (Browser browser = signedIn(mail.agent())) {
            browser.waitUntil(d -> {
                browser.go("app/history.xhtml");
                return pageReport(browser, "history").equals("1–2 of 2");
            });
            WebElement sent = row(browser, "history", mail.subjects().get(0));
            assertTrue(sent.getText().contains("Handed to the provider"), sent.getText());
            assertFalse(sent.findElements(By.cssSelector("i.pi-send.dm-status-good")).isEmpty(), "the accepted icon");
            assertTrue(browser.find(By.cssSelector(".dm-legend")).getText().contains("Marked as spam"), "the legend");
            browser.screenshot("history");

            // The eye opens the View dialog (PrimeFaces dialog framework: an iframe in a dialog).
            sent.findElement(By.cssSelector("button[id$=':view']")).click();
            browser.waitForAjax();
            WebElement frame = browser.find(By.cssSelector(".ui-dialog iframe"));
            browser.driver().switchTo().frame(frame);
            browser.waitUntil(d -> !d.findElements(By.id("subject")).isEmpty()
                    && d.findElement(By.id("subject")).getText().equals(mail.subjects().get(0)));
            browser.driver().switchTo().defaultContent();
            browser.screenshot("history-view");
        }
    }

    /** The agency has mail in both screens (one queued, two sent) when the other agency's agent looks. */
    @Test
    void anotherAgencysAgentSeesNothing() throws Exception {
        Queued mail = queued();
        sendFirstTwo(mail);
        String outsider = newAgent(newAccount("queue-other"));
        try (Browser browser = signedIn(outsider)) {
            browser.go("app/queue.xhtml");
            assertTrue(pageReport(browser, "queue").endsWith("of 0"), pageReport(browser, "queue"));
            browser.go("app/history.xhtml");
            assertTrue(pageReport(browser, "history").endsWith("of 0"), pageReport(browser, "history"));
            assertFalse(browser.pageSource().contains(mail.subjects().get(0)));
        }
    }
}
