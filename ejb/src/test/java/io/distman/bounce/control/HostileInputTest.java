package io.distman.bounce.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.distman.bounce.entity.BounceReport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The hostile shapes of issue 10 are classified without an error: before, repeated header lines took quadratic
 * time (ReturnedMessage parsed the rest of the text at each), and folded lines overflowed the stack in regexes
 * repeating a group per line. Their time is shown by ClassifierBench, not asserted here.
 */
class HostileInputTest {

    private final BounceClassifier classifier = new BounceClassifier();

    private BounceReport classify(byte[] raw) throws IOException {
        BounceReport report = classifier.classify(new ByteArrayInputStream(raw));
        assertFalse(report.recipients().isEmpty(), "a report always has a row, even when nothing was found");
        return report;
    }

    @Test
    void repeatedHeaderLines() throws IOException {
        classify(HostileMail.repeatedHeaderLines(112 * 1024));
        classify(HostileMail.repeatedHeaderLines(224 * 1024));
        classify(HostileMail.repeatedHeaderLines(1024 * 1024));
    }

    @Test
    void foldedReportTypeFields() throws IOException {
        classify(HostileMail.foldedReportTypes(5_000));
        classify(HostileMail.longFoldedReportType(5_000));
    }

    @Test
    void foldedHeaderLines() throws IOException {
        classify(HostileMail.foldedHeaderLines(60_000));
        classify(HostileMail.foldedTopLevelContentType(5_000));
    }

    @Test
    void deepMultipartNesting() throws IOException {
        classify(HostileMail.nestedMultipart(10_000));
    }

    @Test
    void shallowNestingIsStillRead() throws IOException {
        // The depth bound must not cost real bounces: a report a few levels down is still found.
        assertEquals("a@example.net", classify(HostileMail.nestedMultipart(3)).recipients().get(0).recipient());
    }

    @Test
    void pastedReportAfterManyFoldedLinesIsStillFound() throws IOException {
        // The hand-unfolded field still finds a report-type on its last folded line, as the regex did.
        String raw = "From: postmaster@example.org\nSubject: fwd\n\nSee below.\n\nFrom: MAILER-DAEMON@example.org\n"
                + "Content-Type: multipart/report;\n boundary=\"X\";\n report-type=delivery-status\n\n--X\n"
                + "Content-Type: message/delivery-status\n\nFinal-Recipient: rfc822; b@example.net\nAction: failed\nStatus: 5.1.1\n\n--X--\n";
        assertEquals("b@example.net", classify(raw.getBytes(StandardCharsets.UTF_8)).recipients().get(0).recipient());
    }
}
