package io.distman.screens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.testsupport.browser.Browser;
import io.distman.testsupport.browser.ScreenTest;
import io.distman.testsupport.browser.TestData.Account;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The Email Audit in a real browser: filter by status (the workbench's link) and part of the address,
 * page, read the exact total, download both exports and read them back; another account sees nothing.
 */
public class AuditScreenIT extends ScreenTest {

    static final String FORMULA = "=HYPERLINK(\"http://evil.example\",\"click\")";

    static Account northside;
    static String agent;
    static String outsider;
    static String tag;

    /** 30 emails to olivia.<tag>.<i>, 28 of them failed; 3 failed emails to jack.<tag>, which the "to" filter leaves out. */
    @BeforeAll
    static void mail() throws Exception {
        northside = newAccount("audit-screen");
        Account harbour = newAccount("audit-other");
        agent = newAgent(northside);
        outsider = newAgent(harbour);
        tag = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 30; i++) {
            long delivery = submit(i == 0 ? FORMULA : "Rent demand " + i, "olivia." + tag + "." + i + "@tenant.example.org");
            if (i < 28) {
                data.report(delivery, "FAILED", Map.of("smtpCode", "550", "diagnostic", "user unknown"));
            }
        }
        for (int i = 0; i < 3; i++) {
            data.report(submit("Rent demand j" + i, "jack." + tag + "." + i + "@tenant.example.org"), "FAILED", Map.of());
        }
    }

    private static long submit(String subject, String to) {
        String json = """
                {"raisedBy":"anna","sourceModule":"demand","sourceRef":"4711","category":"ESSENTIAL","priority":"NORMAL",
                 "sender":{"address":"lettings@northside.example"},"to":[{"address":"%s"}],
                 "subject":"%s","textBody":"Please pay."}""".formatted(to, subject.replace("\"", "\\\""));
        return data.submitOne(northside, json);
    }

    private static String pageReport(Browser browser) {
        return browser.find(By.cssSelector("#audit\\:rows .ui-paginator-current")).getText();
    }

    @Test
    void anAgentFiltersPagesAndExports() throws Exception {
        try (Browser browser = signedIn(agent)) {
            browser.go("app/audit.xhtml?status=FAILED");
            assertEquals("1–25 of 31", pageReport(browser), "today's failed mail, from the link's status");

            browser.type(By.id("audit:address"), "olivia." + tag);
            browser.click(By.id("audit:search"));
            browser.waitUntil(d -> pageReport(browser).equals("1–25 of 28"));
            assertEquals(25, browser.findAll(By.cssSelector("#audit\\:rows_data tr")).size());
            assertTrue(browser.find(By.id("audit:rows")).getText().contains("demand 4711"));
            // The recipient filter is called so, not "To" beside the From/To dates; statuses read as words.
            assertEquals("Recipient", browser.find(By.cssSelector("label[for='audit:address']")).getText().trim());
            assertEquals("From date", browser.find(By.cssSelector("label[for^='audit:from']")).getText().trim());
            String rows = browser.find(By.id("audit:rows_data")).getText();
            assertTrue(rows.contains("Failed") && !rows.contains("FAILED"), rows);
            browser.screenshot("audit");

            // The View dialog opens from the row, over the audit, with the message's own timeline.
            browser.click(By.id("audit:rows:0:view"));
            browser.waitUntil(d -> !d.findElements(By.cssSelector(".ui-dialog iframe")).isEmpty());
            browser.driver().switchTo().frame(browser.find(By.cssSelector(".ui-dialog iframe")));
            browser.waitUntil(d -> !d.findElements(By.linkText("Timeline")).isEmpty());
            browser.click(By.linkText("Timeline"));
            String timeline = browser.find(By.id("viewForm:tabs:timeline")).getText();
            assertTrue(timeline.contains("Waiting to be sent") && timeline.contains("Failed"), timeline);
            browser.driver().switchTo().defaultContent();
            browser.screenshot("audit-view-dialog");
            browser.script("document.querySelector('.ui-dialog .ui-dialog-titlebar-close').click()");
            browser.waitUntil(d -> d.findElements(By.cssSelector(".ui-dialog iframe")).isEmpty());

            browser.click(By.cssSelector("#audit\\:rows .ui-paginator-next"));
            browser.waitUntil(d -> pageReport(browser).equals("26–28 of 28"));
            assertEquals(3, browser.findAll(By.cssSelector("#audit\\:rows_data tr")).size());

            browser.click(By.id("audit:exportExcel"));
            Path xlsx = browser.awaitDownload(".xlsx");
            try (XSSFWorkbook workbook = new XSSFWorkbook(java.nio.file.Files.newInputStream(xlsx))) {
                Sheet sheet = workbook.getSheetAt(0);
                assertEquals(28, sheet.getLastRowNum(), "a header and the 28 rows of the filter");
                Row header = sheet.getRow(0);
                assertEquals("Recipient", header.getCell(2).getStringCellValue());
                assertEquals("Status", header.getCell(5).getStringCellValue());
                assertEquals("Status code", header.getCell(7).getStringCellValue());
                assertEquals("Failed", sheet.getRow(1).getCell(5).getStringCellValue(), "the status in words");
                assertEquals("FAILED", sheet.getRow(1).getCell(7).getStringCellValue(), "and its code");
                assertTrue(sheet.getRow(1).getCell(6).getLocalDateTimeCellValue() != null, "the status time is a date");
                int formulas = 0;
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        assertTrue(cell.getCellType() != CellType.FORMULA, cell.getAddress().toString());
                    }
                    Cell subject = row.getCell(3);
                    if (subject.getStringCellValue().contains("HYPERLINK")) {
                        assertEquals(CellType.STRING, subject.getCellType());
                        assertEquals("'" + FORMULA, subject.getStringCellValue());
                        formulas++;
                    }
                }
                assertEquals(1, formulas);
            }

            browser.click(By.id("audit:exportPdf"));
            Path pdf = browser.awaitDownload(".pdf");
            try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
                String text = new PDFTextStripper().getText(document);
                assertEquals(28, text.split("FAILED", -1).length - 1, "one code per row");
                assertEquals(28, text.split("Failed", -1).length - 1, "and one label per row");
            }
        }
    }

    @Test
    void anAgentOfAnotherAccountSeesNone() throws Exception {
        try (Browser browser = signedIn(outsider)) {
            browser.go("app/audit.xhtml?status=FAILED&address=" + tag);
            assertTrue(browser.find(By.cssSelector("#audit\\:rows .ui-datatable-empty-message")).isDisplayed());
            assertTrue(pageReport(browser).endsWith("of 0"), pageReport(browser));
        }
    }
}
