package io.distman.bounce.boundary;

import io.distman.bounce.control.BounceClassifier;
import io.distman.bounce.entity.BounceRecipient;
import io.distman.bounce.entity.BounceReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Command line: classifies every {@code .eml} file in a directory and prints
 * {@code file<TAB>recipient<TAB>kind<TAB>reason<TAB>status}, one line per recipient, files
 * in name order. A file without any recipient still gets one line so nothing is silently lost.
 * Run it with {@code mvn -q -pl ejb compile exec:java@classify-bounces -Dexec.args=DIR}.
 */
public final class ClassifyBounces {

    private ClassifyBounces() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: ClassifyBounces <directory-with-eml-files>");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        if (!Files.isDirectory(dir)) {
            System.err.println("not a directory: " + dir);
            System.exit(2);
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        int failures = run(dir, out);
        if (failures > 0) {
            System.exit(1);
        }
    }

    /** Prints the lines for all files; returns the number of files that could not be read. */
    public static int run(Path dir, PrintStream out) throws IOException {
        BounceClassifier classifier = new BounceClassifier();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".eml")).sorted().toList();
        }
        int failures = 0;
        for (Path file : files) {
            String name = file.getFileName().toString();
            try (InputStream in = Files.newInputStream(file)) {
                BounceReport report = classifier.classify(in);
                for (BounceRecipient r : report.recipients()) {
                    out.println(String.join("\t", name, clean(r.recipient()), r.kind().label(),
                            clean(r.reason()), clean(r.status())));
                }
            } catch (IOException | RuntimeException e) {
                failures++;
                System.err.println(name + ": " + e);
                out.println(String.join("\t", name, "", "unknown", "", ""));
            }
        }
        return failures;
    }

    private static String clean(String s) {
        return s.replace('\t', ' ').replace('\n', ' ');
    }
}
