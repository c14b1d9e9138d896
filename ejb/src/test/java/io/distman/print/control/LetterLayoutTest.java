package io.distman.print.control;

import static io.distman.print.control.WindowEnvelope.pt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.Document;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.junit.jupiter.api.Test;

/** The letter's layout read back with PDFBox: what lands in the envelope window, the body below, the enclosures after. */
class LetterLayoutTest {

    private static final List<String> EIGHT_LINES = List.of("Ms Olivia Brown", "c/o Mr and Mrs Green", "Flat 3",
            "12 Harbour Street", "Block B", "Rear entrance", "AB1 2CD Northtown", "UNITED KINGDOM");

    private static Letter letter(List<String> window, List<Letter.Enclosure> enclosures) {
        return new Letter(7L, "Northside Lettings \u00b7 lettings@northside.example", window, "6 December 2026",
                "Rent demand 4711", List.of("Dear Ms Brown,", "Please pay the rent by Friday.\nThank you."), enclosures);
    }

    /** The text PDFBox finds in a rectangle of page 1 given in millimetres from the top-left corner. */
    static String area(PDDocument pdf, int page, float left, float top, float width, float height) throws IOException {
        PDFTextStripperByArea stripper = new PDFTextStripperByArea();
        stripper.addRegion("r", new Rectangle2D.Float(pt(left), pt(top), pt(width), pt(height)));
        stripper.extractRegions(pdf.getPage(page));
        return stripper.getTextForRegion("r");
    }

    static String window(PDDocument pdf) throws IOException {
        return area(pdf, 0, WindowEnvelope.FIELD_LEFT, WindowEnvelope.FIELD_TOP, WindowEnvelope.FIELD_WIDTH,
                WindowEnvelope.FIELD_HEIGHT);
    }

    @Test
    void theAddressAndReturnLineSitInTheFormBWindowAndTheBodyBelowIt() throws IOException {
        byte[] bytes = LetterLayout.render(letter(EIGHT_LINES, List.of()), e -> false);
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            assertEquals(1, pdf.getNumberOfPages());
            String window = window(pdf);
            for (String line : EIGHT_LINES) {
                assertTrue(window.contains(line), () -> line + " not in the window: " + window);
            }
            String remarkZone = area(pdf, 0, 20, 45, 85, WindowEnvelope.REMARK_ZONE);
            assertTrue(remarkZone.contains("Northside Lettings"), remarkZone);
            assertFalse(remarkZone.contains("Olivia"), "the recipient is below the remark zone: " + remarkZone);
            String body = area(pdf, 0, 20, WindowEnvelope.BODY_TOP, 170, 100);
            assertTrue(body.contains("Rent demand 4711") && body.contains("Please pay the rent by Friday"), body);
            assertFalse(body.contains("Harbour Street"), body);
            assertTrue(area(pdf, 0, 120, WindowEnvelope.BODY_TOP, 70, 8).contains("6 December 2026"), "date on the right");
            assertFalse(area(pdf, 0, 0, 0, 210, WindowEnvelope.FIELD_TOP).contains("Olivia"), "nothing above the window");
        }
    }

    @Test
    void aLineTooLongForTheWindowIsSetSmallerAndNeverRunsOutOfIt() throws IOException {
        String longLine = "Flat 3, The Old Rope Works, Harbour Street Industrial Estate West";
        byte[] bytes = LetterLayout.render(letter(List.of("Ms Olivia Brown", longLine, "AB1 2CD Northtown"), List.of()), e -> false);
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            String beside = area(pdf, 0, WindowEnvelope.FIELD_LEFT + WindowEnvelope.FIELD_WIDTH, WindowEnvelope.FIELD_TOP,
                    80, WindowEnvelope.FIELD_HEIGHT);
            assertEquals("", beside.strip(), "nothing right of the window");
            assertTrue(window(pdf).contains("Flat 3, The Old Rope Works"), window(pdf));
        }
        BaseFont font = BaseFont.createFont(BaseFont.HELVETICA, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
        float width = pt(75);
        String absurd = "x".repeat(80);
        String cut = LetterLayout.clipped(font, absurd, LetterLayout.MIN_SIZE, width);
        assertTrue(cut.endsWith("...") && font.getWidthPoint(cut, LetterLayout.MIN_SIZE) <= width, cut);
        assertEquals(LetterLayout.ADDRESS_SIZE, LetterLayout.fitting(font, "Flat 3", LetterLayout.ADDRESS_SIZE, width));
    }

    @Test
    void enclosuresFollowTheLetterPdfPageByPageImagesOnAPageOthersOnlyNamed() throws Exception {
        List<Letter.Enclosure> enclosures = List.of(
                new Letter.Enclosure("statement.pdf", "application/pdf", pdf("Statement page", 2)),
                new Letter.Enclosure("plan.png", "image/png", png()),
                new Letter.Enclosure("lease.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                        new byte[] {1, 2, 3}),
                new Letter.Enclosure("broken.pdf", "application/pdf", "%PDF-1.4 not really".getBytes()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MergedPdf merged = new MergedPdf(out)) {
            merged.add(letter(List.of("Ms Olivia Brown", "12 Harbour Street", "AB1 2CD Northtown"), enclosures));
            merged.add(letter(List.of("Mr Jack Smith", "1 Quay Road", "AB1 9XY Northtown"), List.of()));
        }
        try (PDDocument pdf = Loader.loadPDF(out.toByteArray())) {
            // letter 1: its page, the image's page, the statement's two pages; letter 2: its page
            assertEquals(5, pdf.getNumberOfPages());
            String first = new PDFTextStripper() {{ setStartPage(1); setEndPage(1); }}.getText(pdf);
            assertTrue(first.contains("statement.pdf (printed after this letter)"), first);
            assertTrue(first.contains("lease.docx (not printed: application/vnd"), first);
            assertTrue(first.contains("broken.pdf (not printed: the PDF could not be opened)"), first);
            String statement = new PDFTextStripper() {{ setStartPage(3); setEndPage(4); }}.getText(pdf);
            assertTrue(statement.contains("Statement page 1") && statement.contains("Statement page 2"), statement);
            assertTrue(window(pdf).contains("Ms Olivia Brown"));
            String second = area(pdf, 4, WindowEnvelope.FIELD_LEFT, WindowEnvelope.FIELD_TOP, WindowEnvelope.FIELD_WIDTH,
                    WindowEnvelope.FIELD_HEIGHT);
            assertTrue(second.contains("Mr Jack Smith") && second.contains("AB1 9XY Northtown"), "letter 2 on a new page: " + second);
        }
    }

    @Test
    void anHtmlBodyBecomesParagraphsAndTheTextBodyWins() {
        assertEquals(List.of("Dear Ms Brown,", "Please pay by Friday (https://pay.example/4711).", "\u2022 rent",
                        "\u2022 service charge"),
                LetterText.paragraphs(null, "<html><head><style>p{}</style></head><body><p>Dear Ms Brown,</p>"
                        + "<p>Please pay by <b>Friday</b> (<a href='https://pay.example/4711'>https://pay.example/4711</a>).</p>"
                        + "<ul><li>rent</li><li>service charge</li></ul><img src='https://tracker.example/p.gif'></body></html>")
                        );
        assertEquals(List.of("Plain one", "Plain two\nsame paragraph"),
                LetterText.paragraphs("Plain one\n\nPlain two\nsame paragraph", "<p>HTML</p>"));
    }

    static byte[] pdf(String text, int pages) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document();
        PdfWriter.getInstance(document, out);
        document.open();
        for (int i = 1; i <= pages; i++) {
            if (i > 1) {
                document.newPage();
            }
            document.add(new Paragraph(text + " " + i));
        }
        document.close();
        return out.toByteArray();
    }

    static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
