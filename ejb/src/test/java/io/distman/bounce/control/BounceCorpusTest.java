package io.distman.bounce.control;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.bounce.entity.BounceRecipient;
import io.distman.bounce.entity.BounceReport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Classifies each labelled corpus (bounces, bounces-more) and compares with its expected.tsv,
 * reporting the agreement of each set separately: "bounces" is the set the rules were first
 * written against, "bounces-more" was mail they were not written for (96.5 / 94.6 / 97.7 / 99.0)
 * until its misses were studied for issue 10 part 5, so its figures now guard against
 * regressions rather than measure generalisation; only the held-out set does that. Each set has
 * its own floors so that a regression on either fails.
 */
class BounceCorpusTest {

    /** Lowest acceptable agreement (percent) per measure, per set; rounded down to the row. */
    record Floors(double kind, double reason, double recipient, double status) {
    }

    static final Map<String, Floors> FLOORS = Map.of(
            // Reached: kind 100.0, reason 100.0, recipient 99.3, status 99.5 (292 rows, 211 with a status).
            "bounces", new Floors(100.0, 100.0, 99.3, 99.5),
            // Reached: kind 99.2, reason 99.2, recipient 98.8, status 99.5 (258 rows, 200 with a status);
            // lhost-exim-30 differs on purpose: Postfix's "Recipient address rejected: Access denied"
            // under 5.7.1 is a policy refusal, not proof that the address does not exist.
            // before the general rules of issue 10 part 5: 96.5, 94.6, 97.7, 99.0.
            "bounces-more", new Floors(99.2, 99.2, 98.8, 99.5));

    record Expected(String file, String kind, String reason, String status, String recipient) {
    }

    /** Agreement counts of one corpus. */
    static final class Tally {
        int rows;
        int kindOk;
        int reasonOk;
        int recipientOk;
        int statusRows;
        int statusOk;
        final List<String> mismatches = new ArrayList<>();

        double pct(int ok, int of) {
            return 100.0 * ok / Math.max(1, of);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"bounces", "bounces-more"})
    void agreesWithSisimaiLabels(String set) throws IOException {
        // The corpus ships with the repository (src-test/corpus): not finding it is an error, never a skip.
        Path corpus = locateCorpus(set).orElseThrow(() -> new IllegalStateException("corpus " + set
                + " not found: set -Ddistman.corpus=<dir holding " + set + "/> or run below src-test/corpus"));
        Tally t = tally(corpus);
        double kindPct = t.pct(t.kindOk, t.rows);
        double reasonPct = t.pct(t.reasonOk, t.rows);
        double recipientPct = t.pct(t.recipientOk, t.rows);
        double statusPct = t.pct(t.statusOk, t.statusRows);
        System.out.printf("Bounce corpus %s: %d rows; kind %.1f%%, reason %.1f%%, recipient %.1f%%, status %.1f%% (of %d rows with a status)%n",
                set, t.rows, kindPct, reasonPct, recipientPct, statusPct, t.statusRows);
        System.out.println("Mismatches in " + set + " (" + t.mismatches.size() + "):");
        t.mismatches.forEach(m -> System.out.println("  " + m));

        Floors floor = FLOORS.get(set);
        assertTrue(kindPct >= floor.kind(), set + ": kind agreement " + kindPct + " < " + floor.kind());
        assertTrue(reasonPct >= floor.reason(), set + ": reason agreement " + reasonPct + " < " + floor.reason());
        assertTrue(recipientPct >= floor.recipient(),
                set + ": recipient agreement " + recipientPct + " < " + floor.recipient());
        assertTrue(statusPct >= floor.status(), set + ": status agreement " + statusPct + " < " + floor.status());
    }

    static Tally tally(Path dir) throws IOException {
        Map<String, List<Expected>> expected = readExpected(dir.resolve("expected.tsv"));
        BounceClassifier classifier = new BounceClassifier();
        Tally t = new Tally();
        for (Map.Entry<String, List<Expected>> entry : expected.entrySet()) {
            BounceReport report;
            try (InputStream in = Files.newInputStream(dir.resolve(entry.getKey()))) {
                report = classifier.classify(in);
            }
            List<BounceRecipient> got = report.recipients();
            for (Expected e : entry.getValue()) {
                t.rows++;
                // Match by recipient in multi-recipient reports; a single row matches the single result.
                BounceRecipient r = got.stream().filter(g -> g.recipient().equals(e.recipient())).findFirst()
                        .orElse(entry.getValue().size() == 1 && !got.isEmpty() ? got.get(0) : null);
                if (!e.status().isEmpty()) {
                    t.statusRows++;
                }
                if (r == null) {
                    t.mismatches.add(String.format("%s [%s]: expected %s/%s/%s/%s, recipient not found, got %s",
                            e.file(), report.format(), e.kind(), e.reason(), e.status(), e.recipient(),
                            got.stream().map(BounceRecipient::recipient).toList()));
                    continue;
                }
                boolean kind = r.kind().label().equals(e.kind());
                boolean reason = r.reason().equals(e.reason());
                boolean recipient = r.recipient().equals(e.recipient());
                boolean status = e.status().isEmpty() || r.status().equals(e.status());
                t.kindOk += kind ? 1 : 0;
                t.reasonOk += reason ? 1 : 0;
                t.recipientOk += recipient ? 1 : 0;
                t.statusOk += !e.status().isEmpty() && status ? 1 : 0;
                if (!(kind && reason && recipient && status)) {
                    t.mismatches.add(String.format("%s [%s]: expected %s/%s/%s/%s got %s/%s/%s/%s", e.file(),
                            report.format(), e.kind(), e.reason(), e.status(), e.recipient(),
                            r.kind().label(), r.reason(), r.status(), r.recipient()));
                }
            }
        }
        return t;
    }

    static Map<String, List<Expected>> readExpected(Path tsv) throws IOException {
        Map<String, List<Expected>> byFile = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            byFile.computeIfAbsent(f[0], k -> new ArrayList<>()).add(new Expected(f[0], f[1], f[2], f[3], f[4]));
        }
        return byFile;
    }

    /**
     * The directory of one labelled set: {@code -Ddistman.corpus=DIR} where DIR holds the sets
     * (DIR/bounces, DIR/bounces-more) or is the set itself; else {@code src-test/corpus/<set>}
     * found by walking up from the working directory (the copy kept in the repository).
     */
    static Optional<Path> locateCorpus(String set) {
        String property = System.getProperty("distman.corpus");
        if (property != null && !property.isBlank()) {
            Path p = Path.of(property);
            for (Path candidate : List.of(p.resolve(set), p)) {
                if (Files.isRegularFile(candidate.resolve("expected.tsv"))
                        && (candidate != p || p.getFileName().toString().equals(set))) {
                    return Optional.of(candidate);
                }
            }
            return Optional.empty();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("src-test").resolve("corpus").resolve(set);
            if (Files.isRegularFile(candidate.resolve("expected.tsv"))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
