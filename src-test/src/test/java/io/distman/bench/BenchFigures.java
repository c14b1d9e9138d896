package io.distman.bench;

import io.distman.testsupport.TestEnvironment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Locale;

/**
 * Figures of a benchmark as {@code BENCH <name> <value> <unit>} lines (the format of SpineBench), appended to
 * the file the client prints after the class, and the side files (plans, exports) in target/bench-results.
 * Works in-container and client-side: both run on this machine and find the paths in TestEnvironment.
 */
final class BenchFigures {

    private BenchFigures() {
    }

    static void report(String name, double value, String unit) throws IOException {
        String line = String.format(Locale.ROOT, "BENCH %s %.3f %s%n", name, value, unit);
        Files.writeString(Path.of(TestEnvironment.get("distman.test.benchOut")), line, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** The file {@code name} in target/bench-results (created). */
    static Path result(String name) throws IOException {
        Path dir = Path.of(TestEnvironment.get("distman.test.benchResults"));
        Files.createDirectories(dir);
        return dir.resolve(name);
    }

    /** The nearest-rank percentile of nanosecond samples, in milliseconds. */
    static double percentileMillis(long[] nanos, int p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }

    /** Client side: prints what was measured, so a script can read it from the build output. */
    static void print() throws IOException {
        Path out = Path.of(System.getProperty("distman.test.benchOut"));
        if (Files.exists(out)) {
            System.out.print(Files.readString(out));
            Files.delete(out); // the next benchmark class prints only its own figures
        }
    }
}
