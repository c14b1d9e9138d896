package io.distman.audit.control;

import io.distman.audit.boundary.AuditColumns;
import io.distman.audit.entity.AuditRow;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The audit as an Excel workbook, written with POI's streaming SXSSF: only the last {@value #WINDOW} rows
 * stay in memory, the rest go to a temporary file that {@link #close()} deletes. Text is always a string
 * cell (POI never turns setCellValue(String) into a formula) and passes {@link CellText#safe} for when it
 * is copied elsewhere; the two times are real date cells so Excel can sort and filter them.
 */
public final class AuditWorkbook implements AutoCloseable {

    static final int WINDOW = 100;
    /** Excel's limit is 1,048,576 rows per sheet; a longer export goes on to further sheets. */
    static final int ROWS_PER_SHEET = 1_000_000;

    private final SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
    private final ZoneId zone;
    private final CellStyle dateStyle;
    private final CellStyle headerStyle;
    private SXSSFSheet sheet;
    private int rowIndex;
    private long rows;

    public AuditWorkbook(ZoneId zone) {
        this.zone = zone;
        workbook.setCompressTempFiles(true);
        dateStyle = workbook.createCellStyle();
        dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
        headerStyle = workbook.createCellStyle();
        Font bold = workbook.createFont();
        bold.setBold(true);
        headerStyle.setFont(bold);
    }

    public void add(AuditRow audit) {
        if (sheet == null || rowIndex > ROWS_PER_SHEET) {
            newSheet();
        }
        Row row = sheet.createRow(rowIndex++);
        List<String> text = AuditColumns.text(audit, zone);
        for (int c = 0; c < text.size(); c++) {
            Cell cell = row.createCell(c);
            if (c == AuditColumns.CREATED_COLUMN) {
                date(cell, audit.createdAt());
            } else if (c == AuditColumns.STATUS_TIME_COLUMN) {
                date(cell, audit.statusAt());
            } else {
                cell.setCellValue(CellText.safe(text.get(c)));
            }
        }
        rows++;
    }

    public long rows() {
        return rows;
    }

    /** Writes the workbook; call once, after the last row. */
    public void writeTo(OutputStream out) throws IOException {
        if (sheet == null) {
            newSheet();
        }
        workbook.write(out);
    }

    private void date(Cell cell, Instant at) {
        if (at != null) {
            cell.setCellValue(at.atZone(zone).toLocalDateTime());
            cell.setCellStyle(dateStyle);
        }
    }

    private void newSheet() {
        sheet = workbook.createSheet("Email audit" + (workbook.getNumberOfSheets() == 0 ? "" : " " + (workbook.getNumberOfSheets() + 1)));
        int[] widths = {20, 16, 34, 60, 20, 22, 20, 18};
        for (int c = 0; c < widths.length; c++) {
            sheet.setColumnWidth(c, widths[c] * 256);
        }
        Row header = sheet.createRow(0);
        for (int c = 0; c < AuditColumns.HEADERS.size(); c++) {
            Cell cell = header.createCell(c);
            cell.setCellValue(AuditColumns.HEADERS.get(c));
            cell.setCellStyle(headerStyle);
        }
        sheet.createFreezePane(0, 1);
        rowIndex = 1;
    }

    @Override
    public void close() throws IOException {
        workbook.close();
        workbook.dispose();
    }
}
