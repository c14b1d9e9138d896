package io.distman.print.control;

/**
 * Where the address goes on an A4 letter for a windowed envelope: DIN 5008 form B (address field 85 x 45 mm,
 * 20 mm from the left edge and 45 mm from the top, fitting DL and C6/5 window envelopes and C4 with window).
 * The field's top 17.7 mm is the remark zone, whose last line carries the sender's return line; the recipient's
 * lines fill the 27.3 mm below it. Text starts 5 mm inside the field (25 mm from the edge, the body's margin too).
 * Millimetres from the top-left corner, as a printer and DIN 5008 measure; {@link #pt} converts for the PDF.
 */
public final class WindowEnvelope {

    public static final float PAGE_WIDTH = 210f;
    public static final float PAGE_HEIGHT = 297f;
    public static final float FIELD_LEFT = 20f;
    public static final float FIELD_TOP = 45f;
    public static final float FIELD_WIDTH = 85f;
    public static final float FIELD_HEIGHT = 45f;
    public static final float REMARK_ZONE = 17.7f;
    public static final float TEXT_INSET = 5f;
    /** Form B: the body starts below the address field and the information block (DIN 5008: 98.46 mm). */
    public static final float BODY_TOP = 98.5f;
    public static final float MARGIN_RIGHT = 20f;
    public static final float MARGIN_BOTTOM = 20f;
    /** Later pages: no address field, the body starts high. */
    public static final float NEXT_PAGE_TOP = 20f;
    /** Form B fold marks (105 mm and 210 mm) and the hole mark (148.5 mm) on the left edge. */
    public static final float[] MARKS = {105f, 148.5f, 210f};

    /** The largest line height for the recipient's lines; more lines than fit are set closer (at most 8 lines). */
    static final float MAX_LEADING = 4.2f;

    private WindowEnvelope() {
    }

    /** Millimetres to PDF points. */
    public static float pt(float mm) {
        return mm * 72f / 25.4f;
    }

    /** The line height (mm) that fits {@code lines} recipient lines in the address zone. */
    public static float leading(int lines) {
        return Math.min(MAX_LEADING, (FIELD_HEIGHT - REMARK_ZONE) / Math.max(1, lines));
    }
}
