package io.distman.print.control;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.pdf.PdfCopy;
import com.lowagie.text.pdf.PdfReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One print run's PDF, written to the stream as letters are added: each letter ({@link LetterLayout}) and then
 * its PDF enclosures, page by page. OpenPDF's PdfCopy writes every page as it is copied and frees the reader
 * after each document, so 500 letters stream out with the memory of one letter (PDFBox's merger builds the whole
 * document in memory or a scratch file before saving; it is used to read the result back in the tests).
 * A PDF enclosure that cannot be opened with full rights (encrypted, broken) is named in the letter as not printed.
 */
public final class MergedPdf implements AutoCloseable {

    private final Document document = new Document();
    private final PdfCopy copy;
    private int letters;

    public MergedPdf(OutputStream out) {
        try {
            copy = new PdfCopy(document, out);
            copy.setCloseStream(false); // the caller owns the response stream
            document.open();
        } catch (DocumentException e) {
            throw new IllegalStateException(e);
        }
    }

    public void add(Letter letter) {
        List<PdfReader> pdfs = new ArrayList<>();
        Set<Letter.Enclosure> unreadable = new HashSet<>();
        for (Letter.Enclosure enclosure : letter.enclosures()) {
            if (enclosure.pdf()) {
                PdfReader reader = opened(enclosure.content());
                if (reader == null) {
                    unreadable.add(enclosure);
                } else {
                    pdfs.add(reader);
                }
            }
        }
        append(opened(LetterLayout.render(letter, unreadable::contains)));
        pdfs.forEach(this::append);
        letters++;
    }

    public int letters() {
        return letters;
    }

    private static PdfReader opened(byte[] pdf) {
        try {
            PdfReader reader = new PdfReader(pdf);
            if (!reader.isOpenedWithFullPermissions() || reader.getNumberOfPages() == 0) {
                reader.close();
                return null;
            }
            return reader;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private void append(PdfReader reader) {
        try {
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                copy.addPage(copy.getImportedPage(reader, page));
            }
            copy.freeReader(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (DocumentException e) {
            throw new IllegalStateException(e);
        } finally {
            reader.close();
        }
    }

    @Override
    public void close() {
        document.close();
    }
}
