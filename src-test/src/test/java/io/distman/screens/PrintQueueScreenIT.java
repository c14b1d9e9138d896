package io.distman.screens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.testsupport.browser.Browser;
import io.distman.testsupport.browser.ScreenTest;
import io.distman.testsupport.browser.TestData.Account;
import java.awt.geom.Rectangle2D;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The print queue in a real browser: an agent sends a letter without email and one whose email failed for good to
 * the print queue from the Email Audit, ticks both on the Print queue screen, downloads one PDF (each address in
 * the envelope window), marks them printed and finds them under "Printed" with their name; another agency's
 * agent sees none of it.
 */
public class PrintQueueScreenIT extends ScreenTest {

    private static final float MM = 72f / 25.4f;

    record Letters(Account account, String agent, String tag, String noEmail, String failed) {
    }

    private static Letters letters() {
        Account northside = newAccount("print-screen");
        String agent = newAgent(northside);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String noEmail = "Rent demand 4711 " + tag;
        String failed = "Rent demand 4712 " + tag;
        submit(northside, noEmail, null, "Ms Olivia Brown " + tag, "12 Harbour Street");
        long bounced = submit(northside, failed, "jack." + tag + "@tenant.example.org", "Mr Jack Smith " + tag, "1 Quay Road");
        data.report(bounced, "FAILED", Map.of("smtpCode", "550", "enhancedCode", "5.1.1", "diagnostic", "550 5.1.1 no such user"));
        return new Letters(northside, agent, tag, noEmail, failed);
    }

    private static long submit(Account account, String subject, String email, String name, String street) {
        String json = """
                {"raisedBy":"anna","sourceModule":"demand","sourceRef":"4711","category":"ESSENTIAL",
                 "sender":{"address":"lettings@northside.example","name":"Northside Lettings"},
                 "to":[{%s"name":"%s","postalAddress":{"nameLines":["%s"],"streetLines":["%s"],"postcode":"AB1 2CD","town":"Northtown"}}],
                 "subject":"%s","textBody":"Dear tenant,\\n\\nPlease pay by Friday."}"""
                .formatted(email == null ? "" : "\"address\":\"" + email + "\",", name, name, street, subject);
        return data.submitOne(account, json);
    }

    /** The row of the table whose text contains {@code text}. */
    private static WebElement row(Browser browser, String form, String text) {
        return browser.findAll(By.cssSelector("#" + form + "\\:rows_data tr")).stream()
                .filter(r -> r.getText().contains(text)).findFirst().orElseThrow(() -> new AssertionError("no row with " + text));
    }

    private static void sendToPrintQueue(Browser browser, Letters letters, String subject) {
        browser.go("app/audit.xhtml"); // a fresh agency: its own two letters only
        row(browser, "audit", subject).findElement(By.cssSelector("button[id$=':print']")).click();
        browser.waitForAjax();
        // The growl draws its messages in a container of its own at the end of the page.
        browser.waitUntil(d -> d.findElements(By.cssSelector(".ui-growl-message")).stream()
                .anyMatch(m -> m.getText().contains("1 of 1 sent to the print queue")));
    }

    @Test
    void anAgentQueuesFromTheAuditPrintsOnePdfAndMarksThemPrinted() throws Exception {
        Letters letters = letters();
        try (Browser browser = signedIn(letters.agent())) {
            sendToPrintQueue(browser, letters, letters.noEmail());
            sendToPrintQueue(browser, letters, letters.failed());

            browser.go("app/print.xhtml");
            String table = browser.find(By.id("print:rows")).getText();
            assertTrue(table.contains(letters.noEmail()) && table.contains(letters.failed()), table);
            assertTrue(table.contains("No email address") && table.contains("Failed"), table);
            row(browser, "print", letters.noEmail()).findElement(By.cssSelector(".ui-chkbox-box")).click();
            row(browser, "print", letters.failed()).findElement(By.cssSelector(".ui-chkbox-box")).click();
            browser.screenshot("print-queue");
            browser.find(By.id("print:pdf")).click();
            Path pdf = browser.awaitDownload(".pdf");
            try (PDDocument document = Loader.loadPDF(Files.readAllBytes(pdf))) {
                assertEquals(2, document.getNumberOfPages());
                String windows = window(document, 0) + window(document, 1);
                assertTrue(windows.contains("Ms Olivia Brown " + letters.tag()) && windows.contains("Mr Jack Smith " + letters.tag()),
                        windows);
            }

            // The download left the page as it was, the two still ticked.
            browser.click(By.id("print:markPrinted"));
            String said = browser.find(By.id("print:outcome")).getText();
            assertTrue(said.contains("2 of 2 marked printed"), said);
            assertFalse(browser.find(By.id("print:rows")).getText().contains(letters.noEmail()), "gone from To print");

            browser.findAll(By.cssSelector("#print\\:show .ui-button")).stream().filter(b -> b.getText().equals("Printed"))
                    .findFirst().orElseThrow().click();
            browser.waitForAjax();
            browser.waitUntil(d -> d.findElement(By.id("print:rows")).getText().contains(letters.noEmail()));
            String printed = row(browser, "print", letters.noEmail()).getText();
            assertTrue(printed.contains("Printed as a letter") && printed.contains("by " + letters.agent()), printed);
            browser.screenshot("print-queue-printed");
        }
    }

    @Test
    void anotherAgencysAgentSeesNoneOfTheLetters() throws Exception {
        Letters letters = letters();
        try (Browser browser = signedIn(letters.agent())) {
            sendToPrintQueue(browser, letters, letters.noEmail());
        }
        String outsider = newAgent(newAccount("print-other"));
        try (Browser browser = signedIn(outsider)) {
            browser.go("app/print.xhtml");
            assertTrue(browser.find(By.id("print:rows")).getText().contains("Nothing to print"));
            assertFalse(browser.pageSource().contains(letters.noEmail()));
        }
    }

    private static String window(PDDocument pdf, int page) throws java.io.IOException {
        PDFTextStripperByArea stripper = new PDFTextStripperByArea();
        stripper.addRegion("window", new Rectangle2D.Float(20 * MM, 45 * MM, 85 * MM, 45 * MM));
        stripper.extractRegions(pdf.getPage(page));
        return stripper.getTextForRegion("window");
    }
}
