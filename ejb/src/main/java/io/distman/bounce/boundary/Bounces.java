package io.distman.bounce.boundary;

import io.distman.bounce.control.BounceClassifier;
import io.distman.bounce.entity.BounceReport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The one entry point of the bounce library: raw returned mail (one message or an mbox of several)
 * in, a {@link BounceReport} out. Plain Java with no container, so intake can classify before it
 * opens a transaction and tools can classify a folder offline.
 */
public final class Bounces {

    private static final BounceClassifier CLASSIFIER = new BounceClassifier();

    private Bounces() {
    }

    /** @throws UncheckedIOException when the bytes are not a readable message at all */
    public static BounceReport classify(byte[] raw) {
        try {
            return CLASSIFIER.classify(new ByteArrayInputStream(raw));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
