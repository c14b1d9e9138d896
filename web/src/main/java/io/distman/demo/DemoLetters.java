package io.distman.demo;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;

/** Renders the demo back office's letters as PDF, the way a real one attaches them to its email. */
final class DemoLetters {

    private DemoLetters() {
    }

    static byte[] demand(String agency, String tenant, String unit, BigDecimal amount, LocalDate due) {
        return pdf(agency, "Rent demand", "Dear " + tenant + ",",
                "Please find below the rent due for " + unit + ": GBP " + amount + ", payable by " + due + ".",
                "If you have already paid, please ignore this letter.");
    }

    static byte[] reminder(String agency, String tenant, String unit, BigDecimal arrears, int stage) {
        return pdf(agency, "Payment reminder (stage " + stage + ")", "Dear " + tenant + ",",
                "Our records show arrears of GBP " + arrears + " on " + unit + ".",
                stage > 1 ? "Please contact us within 7 days to avoid further action." : "Please arrange payment at your earliest convenience.");
    }

    private static byte[] pdf(String agency, String title, String... paragraphs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document();
        try {
            PdfWriter.getInstance(document, out);
            document.open();
            document.add(new Paragraph(agency, FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16, Font.BOLD)));
            document.add(new Paragraph(title, FontFactory.getFont(FontFactory.HELVETICA_BOLD, 13, Font.BOLD)));
            document.add(new Paragraph(" "));
            for (String paragraph : paragraphs) {
                document.add(new Paragraph(paragraph));
            }
        } catch (DocumentException e) {
            throw new IllegalStateException("Cannot render demo letter", e);
        } finally {
            document.close();
        }
        return out.toByteArray();
    }
}
