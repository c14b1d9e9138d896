package io.distman.screens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.testsupport.Deployments;
import io.distman.testsupport.browser.Browser;
import io.distman.testsupport.browser.TestData;
import io.distman.testsupport.browser.TestData.Account;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * Queue and History in a real browser: an agent sees the account's waiting mail, ticks two rows and sends
 * them now; they reach the test SMTP server within seconds and show up in History with their icon, where
 * the eye opens the View dialog. Another agency's agent sees none of it.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class QueueScreenIT {

    static final String PASSWORD = "s3cret-pass";

    @Deployment(testable = false)
    public static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    static URL base;
    static TestData data;
    static Account northside;
    static String agent;
    static String outsider;
    static final List<String> addresses = new ArrayList<>();
    static final List<String> subjects = new ArrayList<>();

    /** Three NORMAL emails wait in the queue (the sweep runs every 10 minutes); the third is retrying. */
    @BeforeAll
    static void mail() throws Exception {
        base = new URL("http://localhost:8080/distman/");
        data = new TestData(base);
        northside = data.newAccount("queue-screen");
        Account harbour = data.newAccount("queue-other");
        agent = data.newUser(northside.id(), "agent", "AGENT", PASSWORD);
        outsider = data.newUser(harbour.id(), "agent", "AGENT", PASSWORD);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        long last = 0;
        for (int i = 1; i <= 3; i++) {
            addresses.add("olivia." + tag + "." + i + "@tenant.example.org");
            subjects.add("Rent demand " + (4710 + i) + " " + tag);
            last = submit(subjects.get(i - 1), addresses.get(i - 1), String.valueOf(4710 + i));
        }
        data.report(last, "TEMPORARY_FAILURE", Map.of("smtpCode", "451", "enhancedCode", "4.7.1",
                "diagnostic", "451 4.7.1 greylisted, try again later"));
    }

    private static long submit(String subject, String to, String ref) {
        String json = """
                {"raisedBy":"anna","sourceModule":"demand","sourceRef":"%s","category":"ESSENTIAL","priority":"NORMAL",
                 "sender":{"address":"lettings@northside.example"},"to":[{"address":"%s"}],
                 "subject":"%s","textBody":"Please pay by Friday.","htmlBody":"<p>Please pay by <b>Friday</b>.</p>"}"""
                .formatted(ref, to, subject);
        return data.submit(northside, json).getJsonArray("deliveries").getJsonObject(0).getJsonNumber("deliveryId").longValue();
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
    @Order(1)
    void anAgentTicksTwoRowsAndSendsThemNow() throws Exception {
        try (Browser browser = Browser.open(base)) {
            browser.login(agent, PASSWORD);
            browser.go("app/queue.xhtml");
            assertEquals("1–3 of 3", pageReport(browser, "queue"));
            String table = browser.find(By.id("queue:rows")).getText();
            assertTrue(table.contains("TEMPORARY_FAILURE") && table.contains("greylisted"), table);
            assertTrue(table.contains("demand 4711"), table);
            browser.screenshot("queue");

            row(browser, "queue", subjects.get(0)).findElement(By.cssSelector(".ui-chkbox-box")).click();
            row(browser, "queue", subjects.get(1)).findElement(By.cssSelector(".ui-chkbox-box")).click();
            long start = System.nanoTime();
            browser.click(By.id("queue:sendNow"));
            String growl = browser.find(By.cssSelector(".ui-growl-message")).getText();
            assertTrue(growl.contains("2 of 2 sent now"), growl);

            // The mail leaves within seconds, not at the next sweep ten minutes away.
            browser.waitUntil(d -> data.received(addresses.get(0)) == 1 && data.received(addresses.get(1)) == 1);
            System.out.printf("MEASURE queue_screen_click_to_smtp %d ms%n", (System.nanoTime() - start) / 1_000_000);
            assertEquals(0, data.received(addresses.get(2)), "the unticked one waits");

            browser.go("app/queue.xhtml");
            assertEquals("1–1 of 1", pageReport(browser, "queue"));
            assertTrue(browser.find(By.id("queue:rows")).getText().contains(subjects.get(2)));
        }
    }

    @Test
    @Order(2)
    void historyShowsTheSentMailWithItsIconAndTheViewDialog() throws Exception {
        try (Browser browser = Browser.open(base)) {
            browser.login(agent, PASSWORD);
            browser.waitUntil(d -> {
                browser.go("app/history.xhtml");
                return pageReport(browser, "history").equals("1–2 of 2");
            });
            WebElement sent = row(browser, "history", subjects.get(0));
            assertTrue(sent.getText().contains("ACCEPTED"), sent.getText());
            assertFalse(sent.findElements(By.cssSelector("i.pi-send.dm-status-good")).isEmpty(), "the accepted icon");
            assertTrue(browser.find(By.cssSelector(".dm-legend")).getText().contains("COMPLAINED"), "the legend");
            browser.screenshot("history");

            // The eye opens the View dialog (PrimeFaces dialog framework: an iframe in a dialog).
            sent.findElement(By.cssSelector("button[id$=':view']")).click();
            browser.waitForAjax();
            WebElement frame = browser.find(By.cssSelector(".ui-dialog iframe"));
            browser.driver().switchTo().frame(frame);
            browser.waitUntil(d -> !d.findElements(By.id("subject")).isEmpty()
                    && d.findElement(By.id("subject")).getText().equals(subjects.get(0)));
            browser.driver().switchTo().defaultContent();
            browser.screenshot("history-view");
        }
    }

    @Test
    @Order(3)
    void anotherAgencysAgentSeesNothing() throws Exception {
        try (Browser browser = Browser.open(base)) {
            browser.login(outsider, PASSWORD);
            browser.go("app/queue.xhtml");
            assertTrue(pageReport(browser, "queue").endsWith("of 0"), pageReport(browser, "queue"));
            browser.go("app/history.xhtml");
            assertTrue(pageReport(browser, "history").endsWith("of 0"), pageReport(browser, "history"));
            assertFalse(browser.pageSource().contains(subjects.get(0)));
        }
    }
}
