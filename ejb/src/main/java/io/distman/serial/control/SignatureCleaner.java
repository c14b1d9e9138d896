package io.distman.serial.control;

import io.distman.platform.entity.FieldError;
import io.distman.serial.entity.SerialRefusedException;
import io.distman.serial.entity.SignatureInput;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Entities;
import org.jsoup.safety.Safelist;

/**
 * A signature made safe to insert unescaped into every mail of a mailing: its HTML cleaned by jsoup's
 * {@code basicWithImages} safelist (text formatting, lists, links and http(s) images; no script, style, form, frame
 * or event attribute), both forms bounded, and the missing form derived from the other so HTML and text mail both
 * carry it. A signature is a few lines: the bounds are far below a template's.
 */
public final class SignatureCleaner {

    public static final int MAX_HTML = 10_000;
    public static final int MAX_TEXT = 2_000;
    private static final Safelist SAFE = Safelist.basicWithImages();

    private SignatureCleaner() {
    }

    /** @return {html, text}, both set, or null when the input is blank (the signature is removed) */
    public static String[] clean(SignatureInput input) {
        String html = input == null || input.htmlBody() == null || input.htmlBody().isBlank() ? null : input.htmlBody().strip();
        String text = input == null || input.textBody() == null || input.textBody().isBlank() ? null : input.textBody().strip();
        List<FieldError> errors = new ArrayList<>();
        if (html != null && html.length() > MAX_HTML) {
            errors.add(new FieldError("htmlBody", "is longer than " + MAX_HTML + " characters"));
        }
        if (text != null && text.length() > MAX_TEXT) {
            errors.add(new FieldError("textBody", "is longer than " + MAX_TEXT + " characters"));
        }
        if (!errors.isEmpty()) {
            throw new SerialRefusedException(errors);
        }
        if (html == null && text == null) {
            return null;
        }
        String safeHtml = html == null ? null : Jsoup.clean(html, "", SAFE, new Document.OutputSettings().prettyPrint(false)).strip();
        if (safeHtml != null && safeHtml.isEmpty() && text == null) {
            throw new SerialRefusedException("htmlBody", "holds nothing a mail may show once cleaned (scripts, styles and forms are removed)");
        }
        if (safeHtml == null || safeHtml.isEmpty()) {
            safeHtml = Entities.escape(text).replace("\r\n", "\n").replace("\n", "<br>");
        }
        if (text == null) {
            text = Jsoup.parse(safeHtml.replaceAll("(?i)<br\\s*/?>", "\n")).wholeText().strip();
        }
        return new String[] {safeHtml, text};
    }
}
