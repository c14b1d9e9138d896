package io.distman.audit.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ArchiveServletTest {

    @Test
    void aPlainNameIsSentAsIs() {
        assertEquals("attachment; filename=\"demand-4711.pdf\"; filename*=UTF-8''demand-4711.pdf",
                ArchiveServlet.contentDisposition("demand-4711.pdf"));
    }

    @Test
    void quotesLineBreaksAndNonAsciiCannotBreakTheHeader() {
        assertEquals("attachment; filename=\"Mahnung _M_ller_ 1_.pdf\"; "
                        + "filename*=UTF-8''Mahnung%20%22M%C3%BCller%22%201%2A.pdf",
                ArchiveServlet.contentDisposition("Mahnung \"Müller\" 1*.pdf"));
        assertEquals("attachment; filename=\"a__b.txt\"; filename*=UTF-8''a%0D%0Ab.txt",
                ArchiveServlet.contentDisposition("a\r\nb.txt"));
    }
}
