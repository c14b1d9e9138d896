package io.distman.print.control;

import static io.distman.print.control.WindowEnvelope.pt;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Lays out one letter as a PDF of its own (OpenPDF): on the first page the fold and hole marks, the sender's
 * return line and the recipient's address in the DIN 5008 form B window ({@link WindowEnvelope}), then the date,
 * the subject in bold and the body, which flows onto further pages; then the list of enclosures, and each image
 * enclosure on a page of its own. PDF enclosures are not drawn here: {@link MergedPdf} appends their pages.
 * Helvetica (a standard PDF font, WinAnsi): characters outside Latin-1 and the few Windows-1252 extras print as
 * gaps; embedding a Unicode font is the next step if agencies write in other scripts.
 */
public final class LetterLayout {

    static final float ADDRESS_SIZE = 10f;
    static final float RETURN_SIZE = 7f;
    static final float MIN_SIZE = 6f;
    static final float BODY_SIZE = 10.5f;

    private static final BaseFont REGULAR = font(BaseFont.HELVETICA);
    private static final BaseFont BOLD = font(BaseFont.HELVETICA_BOLD);

    private LetterLayout() {
    }

    /**
     * @param notReadable PDF enclosures that {@link MergedPdf} could not open (encrypted, broken): named, not printed
     */
    public static byte[] render(Letter letter, Predicate<Letter.Enclosure> notReadable) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, pt(WindowEnvelope.FIELD_LEFT + WindowEnvelope.TEXT_INSET),
                pt(WindowEnvelope.MARGIN_RIGHT), pt(WindowEnvelope.BODY_TOP), pt(WindowEnvelope.MARGIN_BOTTOM));
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            document.open();
            PdfContentByte canvas = writer.getDirectContent();
            marks(canvas);
            window(canvas, letter.returnLine(), letter.windowLines());
            // Later pages have no window: the body starts high (the margin applies from the next page on).
            document.setMargins(document.leftMargin(), document.rightMargin(), pt(WindowEnvelope.NEXT_PAGE_TOP),
                    document.bottomMargin());
            body(document, letter);
            List<Image> images = enclosures(document, letter, notReadable);
            for (Image image : images) {
                document.newPage();
                image.scaleToFit(document.right() - document.left(), document.top() - document.bottom());
                document.add(image);
            }
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("Letter " + letter.deliveryId() + " could not be laid out", e);
        }
        return out.toByteArray();
    }

    /** Short strokes on the left edge where the sheet is folded (and punched) for a form B window envelope. */
    private static void marks(PdfContentByte canvas) {
        canvas.saveState();
        canvas.setLineWidth(0.3f);
        for (float mark : WindowEnvelope.MARKS) {
            float y = pt(WindowEnvelope.PAGE_HEIGHT - mark);
            canvas.moveTo(pt(3), y);
            canvas.lineTo(pt(mark == 148.5f ? 9 : 7), y);
        }
        canvas.stroke();
        canvas.restoreState();
    }

    private static void window(PdfContentByte canvas, String returnLine, List<String> lines) {
        float left = pt(WindowEnvelope.FIELD_LEFT + WindowEnvelope.TEXT_INSET);
        float width = pt(WindowEnvelope.FIELD_WIDTH - 2 * WindowEnvelope.TEXT_INSET);
        float zoneTop = WindowEnvelope.FIELD_TOP + WindowEnvelope.REMARK_ZONE;
        if (returnLine != null && !returnLine.isBlank()) {
            float size = fitting(REGULAR, returnLine, RETURN_SIZE, width);
            String text = clipped(REGULAR, returnLine, size, width);
            float baseline = pt(WindowEnvelope.PAGE_HEIGHT - zoneTop + 1.5f);
            text(canvas, REGULAR, size, text, left, baseline);
            canvas.setLineWidth(0.3f);
            canvas.moveTo(left, baseline - 1.5f);
            canvas.lineTo(left + REGULAR.getWidthPoint(text, size), baseline - 1.5f);
            canvas.stroke();
        }
        float leading = WindowEnvelope.leading(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            float size = fitting(REGULAR, lines.get(i), Math.min(ADDRESS_SIZE, leading * 72f / 25.4f / 1.15f), width);
            float baseline = pt(WindowEnvelope.PAGE_HEIGHT - zoneTop - leading * (i + 1)) + pt(leading) * 0.2f;
            text(canvas, REGULAR, size, clipped(REGULAR, lines.get(i), size, width), left, baseline);
        }
    }

    private static void text(PdfContentByte canvas, BaseFont font, float size, String text, float x, float y) {
        canvas.beginText();
        canvas.setFontAndSize(font, size);
        canvas.setTextMatrix(x, y);
        canvas.showText(text);
        canvas.endText();
    }

    /** The size (down to {@link #MIN_SIZE}) at which the line fits the window's width. */
    static float fitting(BaseFont font, String line, float size, float width) {
        float fits = width / Math.max(1f, font.getWidthPoint(line, 1f));
        return Math.max(MIN_SIZE, Math.min(size, fits));
    }

    /** The line, cut short with an ellipsis if even the smallest size does not fit (it never runs out of the window). */
    static String clipped(BaseFont font, String line, float size, float width) {
        if (font.getWidthPoint(line, size) <= width) {
            return line;
        }
        String cut = line;
        while (!cut.isEmpty() && font.getWidthPoint(cut + "...", size) > width) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + "...";
    }

    private static void body(Document document, Letter letter) throws DocumentException {
        Paragraph date = new Paragraph(letter.dateLine(), new Font(REGULAR, BODY_SIZE));
        date.setAlignment(Element.ALIGN_RIGHT);
        document.add(date);
        Paragraph subject = new Paragraph(letter.subject(), new Font(BOLD, BODY_SIZE + 0.5f));
        subject.setSpacingBefore(pt(8));
        subject.setSpacingAfter(pt(6));
        document.add(subject);
        Font text = new Font(REGULAR, BODY_SIZE);
        for (String paragraph : letter.paragraphs()) {
            Paragraph p = new Paragraph(14f, paragraph, text);
            p.setSpacingAfter(7f);
            document.add(p);
        }
    }

    /** Lists every attachment with what became of it, and returns the images to place after the letter. */
    private static List<Image> enclosures(Document document, Letter letter, Predicate<Letter.Enclosure> notReadable)
            throws DocumentException {
        List<Image> images = new ArrayList<>();
        if (letter.enclosures().isEmpty()) {
            return images;
        }
        Paragraph heading = new Paragraph("Enclosures", new Font(BOLD, BODY_SIZE));
        heading.setSpacingBefore(pt(6));
        document.add(heading);
        for (Letter.Enclosure enclosure : letter.enclosures()) {
            String note;
            if (enclosure.pdf() && !notReadable.test(enclosure)) {
                note = "(printed after this letter)";
            } else if (enclosure.image()) {
                Image image = image(enclosure.content());
                note = image == null ? "(not printed: the image could not be read)" : "(printed after this letter)";
                if (image != null) {
                    images.add(image);
                }
            } else {
                note = enclosure.pdf() ? "(not printed: the PDF could not be opened)"
                        : "(not printed: " + enclosure.contentType() + ")";
            }
            Paragraph line = new Paragraph(14f, "", new Font(REGULAR, BODY_SIZE));
            line.add(new Chunk("- " + enclosure.filename() + " "));
            line.add(new Chunk(note, new Font(REGULAR, BODY_SIZE - 1.5f)));
            document.add(line);
        }
        return images;
    }

    private static Image image(byte[] content) {
        try {
            return Image.getInstance(content);
        } catch (IOException | RuntimeException e) {
            return null; // a broken image is named as not printed rather than failing the whole print run
        }
    }

    private static BaseFont font(String name) {
        try {
            return BaseFont.createFont(name, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
        } catch (DocumentException | IOException e) {
            throw new UncheckedIOException(new IOException("Standard font " + name + " is missing", e));
        }
    }
}
