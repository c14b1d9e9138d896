package io.distman.bounce.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.distman.bounce.entity.BounceReport;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Any bytes, as anyone can mail them to the bounce domain, give a report or the declared refusal (an
 * IOException: unreadable message), never another exception and never a stack overflow. In {@code mvn test}
 * this runs over the kept seeds in {@code ClassifierFuzzTestInputs/classifiesAnyBytes} (real bounces from the
 * corpus and the hostile shapes of HostileMail); {@code JAZZER_FUZZ=1} fuzzes for real (see HARNESS.md).
 */
class ClassifierFuzzTest {

    private final BounceClassifier classifier = new BounceClassifier();

    @FuzzTest(maxDuration = "5m")
    void classifiesAnyBytes(byte[] raw) {
        BounceReport report;
        try {
            report = classifier.classify(new ByteArrayInputStream(raw));
        } catch (IOException refused) {
            return; // the declared refusal of an unreadable message
        }
        assertNotNull(report);
        assertFalse(report.recipients().isEmpty(), "a report always has a row, even when nothing was found");
    }
}
