package io.distman.audit.control;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import io.distman.audit.boundary.AuditColumns;
import io.distman.audit.entity.AuditRow;
import java.io.OutputStream;
import java.time.ZoneId;

/**
 * The audit as a PDF table written straight to the response with OpenPDF. The table is marked
 * incomplete and added to the document every {@value #CHUNK} rows, which writes those rows out and
 * forgets them, so memory stays flat however long the export.
 */
public final class AuditPdf implements AutoCloseable {

    static final int CHUNK = 200;

    private static final float[] WIDTHS = {11, 9, 17, 28, 10, 11, 11, 9};

    private final Document document = new Document(PageSize.A4.rotate(), 24, 24, 24, 24);
    private final ZoneId zone;
    private final Font font = FontFactory.getFont(FontFactory.HELVETICA, 7);
    private final Font bold = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 7);
    private final PdfPTable table;
    private long rows;
    private int pending;

    public AuditPdf(OutputStream out, ZoneId zone, String title) {
        this.zone = zone;
        PdfWriter.getInstance(document, out);
        document.open();
        document.add(new Paragraph(title, FontFactory.getFont(FontFactory.HELVETICA_BOLD, 11)));
        table = new PdfPTable(WIDTHS);
        table.setWidthPercentage(100);
        table.setSpacingBefore(6);
        table.setHeaderRows(1);
        table.setComplete(false);
        for (String header : AuditColumns.HEADERS) {
            table.addCell(cell(header, bold));
        }
    }

    public void add(AuditRow row) {
        for (String text : AuditColumns.text(row, zone)) {
            table.addCell(cell(text, font));
        }
        rows++;
        if (++pending == CHUNK) {
            document.add(table);
            pending = 0;
        }
    }

    public long rows() {
        return rows;
    }

    private static PdfPCell cell(String text, Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        cell.setVerticalAlignment(Element.ALIGN_TOP);
        cell.setPadding(2);
        return cell;
    }

    /** Adds what is left of the table and ends the document. */
    @Override
    public void close() throws DocumentException {
        // After a chunk that ended exactly at the last row only the header is left, which would repeat it.
        if (pending > 0 || rows == 0) {
            table.setComplete(true);
            document.add(table);
        }
        document.close();
    }
}
