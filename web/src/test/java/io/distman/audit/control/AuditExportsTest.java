package io.distman.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import io.distman.audit.entity.AuditRow;
import io.distman.message.entity.DeliveryStatus;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** Both exports read back: every row is there, and text that looks like a formula stays text. */
class AuditExportsTest {

    static final ZoneId ZONE = ZoneOffset.UTC;
    static final Instant AT = Instant.parse("2026-11-22T09:30:00Z");

    static AuditRow row(long id, String subject) {
        return new AuditRow(id, 1000 + id, AT.plusSeconds(id), "anna", "olivia" + id + "@tenant.example.org", subject,
                "demand", "4711", null, DeliveryStatus.FAILED, AT.plusSeconds(id + 60));
    }

    @Test
    void cellTextThatWouldRunAsAFormulaGetsAnApostrophe() {
        assertEquals("'=HYPERLINK(\"http://evil\")", CellText.safe("=HYPERLINK(\"http://evil\")"));
        assertEquals("'+1", CellText.safe("+1"));
        assertEquals("'-1", CellText.safe("-1"));
        assertEquals("'@SUM(A1)", CellText.safe("@SUM(A1)"));
        assertEquals("'\tx", CellText.safe("\tx"));
        assertEquals("Rent demand 4711", CellText.safe("Rent demand 4711"));
        assertEquals("", CellText.safe(null));
    }

    @Test
    void theWorkbookHasEveryRowAndNoFormulas() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int n = 1234; // more than the SXSSF window, so rows were flushed to the temporary file
        try (AuditWorkbook workbook = new AuditWorkbook(ZONE)) {
            workbook.add(row(0, "=HYPERLINK(\"http://evil.example\",\"click\")"));
            for (int i = 1; i < n; i++) {
                workbook.add(row(i, "Rent demand " + i));
            }
            assertEquals(n, workbook.rows());
            workbook.writeTo(out);
        }
        try (XSSFWorkbook read = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Sheet sheet = read.getSheetAt(0);
            assertEquals(n, sheet.getLastRowNum(), "a header and n rows");
            assertEquals("Subject", sheet.getRow(0).getCell(3).getStringCellValue());
            Row first = sheet.getRow(1);
            assertEquals(CellType.STRING, first.getCell(3).getCellType());
            assertEquals("'=HYPERLINK(\"http://evil.example\",\"click\")", first.getCell(3).getStringCellValue());
            assertEquals("demand 4711", first.getCell(4).getStringCellValue());
            assertEquals("Failed", first.getCell(5).getStringCellValue(), "the status in words, as on the screen");
            assertEquals("FAILED", first.getCell(7).getStringCellValue(), "and its code in the last column");
            assertEquals("Status code", sheet.getRow(0).getCell(7).getStringCellValue());
            assertEquals(LocalDateTime.of(2026, 11, 22, 9, 30, 0), first.getCell(0).getLocalDateTimeCellValue());
            assertEquals(CellType.NUMERIC, first.getCell(6).getCellType(), "the status time stays a date cell");
            assertEquals("Rent demand 1233", sheet.getRow(n).getCell(3).getStringCellValue());
            for (Row row : sheet) {
                row.forEach(cell -> assertTrue(cell.getCellType() != CellType.FORMULA, "no formula in " + cell.getAddress()));
            }
        }
    }

    @Test
    void thePdfHasEveryRowAcrossChunks() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int n = AuditPdf.CHUNK * 2 + 7;
        AuditPdf pdf = new AuditPdf(out, ZONE, "Email audit test");
        for (int i = 0; i < n; i++) {
            pdf.add(row(i, "Subject-" + i + "-end"));
        }
        pdf.close();
        PdfReader reader = new PdfReader(out.toByteArray());
        StringBuilder text = new StringBuilder();
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(extractor.getTextFromPage(page)).append('\n');
        }
        reader.close();
        for (int i = 0; i < n; i++) {
            assertTrue(text.indexOf("Subject-" + i + "-end") >= 0, "row " + i + " is in the PDF");
        }
    }

    @Test
    void anEmptyExportIsAValidPdf() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new AuditPdf(out, ZONE, "Nothing").close();
        PdfReader reader = new PdfReader(out.toByteArray());
        assertEquals(1, reader.getNumberOfPages());
        reader.close();
    }
}
