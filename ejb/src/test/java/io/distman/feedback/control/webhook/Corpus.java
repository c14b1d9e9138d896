package io.distman.feedback.control.webhook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The webhook corpus of this repository ({@code src-test/corpus/webhooks}). Found through
 * {@code -Ddistman.corpus=DIR} (either the corpus root or its {@code webhooks} folder), which the ejb
 * module's surefire sets; else (an IDE run) by walking up from the working directory to the checkout's
 * {@code src-test/corpus}, so it is found from the root and from inside any module.
 */
final class Corpus {

    /** One row of expected.tsv. */
    record Row(String file, String index, String provider, String event, String expectedStatus,
               String recipient, String messageIdField, String messageId) {

        int indexOrZero() {
            return index.isEmpty() ? 0 : Integer.parseInt(index);
        }
    }

    private static Path webhooks;

    private Corpus() {
    }

    static synchronized Path webhooks() {
        if (webhooks == null) {
            webhooks = locate();
        }
        return webhooks;
    }

    static byte[] bytes(String relative) {
        try {
            return Files.readAllBytes(webhooks().resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Row> expectations() {
        try {
            List<String> lines = Files.readAllLines(webhooks().resolve("expected.tsv"), StandardCharsets.UTF_8);
            List<Row> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                String[] c = Arrays.copyOf(line.split("\t", -1), 8);
                for (int i = 0; i < c.length; i++) {
                    c[i] = c[i] == null ? "" : c[i];
                }
                rows.add(new Row(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path locate() {
        String configured = System.getProperty("distman.corpus");
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured).toAbsolutePath();
            Path found = Files.isRegularFile(path.resolve("expected.tsv")) ? path : path.resolve("webhooks");
            if (!Files.isRegularFile(found.resolve("expected.tsv"))) {
                throw new IllegalStateException("-Ddistman.corpus=" + configured + " holds no webhooks/expected.tsv");
            }
            return found;
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("src-test").resolve("corpus").resolve("webhooks");
            if (Files.isRegularFile(candidate.resolve("expected.tsv"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("webhook corpus not found: set -Ddistman.corpus or run below a folder "
                + "that contains src-test/corpus/webhooks");
    }
}
