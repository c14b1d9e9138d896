package io.distman.faults;

import io.distman.testsupport.SmtpSink;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Postfix {@code smtp-sink} on the rig's SMTP port with {@code -D}: every mail transaction it completes is appended
 * to one dump file, so what arrived can be counted per Message-ID. Fault options are smtp-sink's own (see
 * {@code man smtp-sink}); {@link #restart(String...)} switches them between the cases of a scenario. All dumps of a
 * rig go into one directory and are read together.
 */
final class SinkDump implements AutoCloseable {

    private final Path dir;
    private SmtpSink sink;
    private int generation;

    SinkDump(String scenario, String... options) {
        try {
            dir = Files.createTempDirectory("distman-faults-" + scenario + "-");
            // smtp-sink runs as nobody when the build runs as root: it must be able to write here.
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        restart(options);
    }

    /** Stops the sink and starts it again on the same port with other options (mail in flight is cut off). */
    void restart(String... options) {
        stop();
        List<String> all = new ArrayList<>(List.of(options));
        all.add("-D");
        all.add(dir.resolve("dump-" + (++generation)).toString());
        sink = SmtpSink.start(FaultRig.SMTP_PORT, all.toArray(String[]::new));
        FaultRig.log("smtp-sink on " + FaultRig.SMTP_PORT + " " + String.join(" ", all));
    }

    void stop() {
        if (sink != null) {
            sink.close();
            sink = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** One mail transaction smtp-sink completed: its first recipient and Message-ID (either may be empty). */
    record Transaction(String recipient, String messageId) {
    }

    /** Every transaction in every dump of this sink so far. */
    List<Transaction> transactions() {
        List<Transaction> all = new ArrayList<>();
        try (var files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                read(f, all);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all;
    }

    /** Copies received per Message-ID (without angle brackets). */
    Map<String, Integer> copiesByMessageId() {
        Map<String, Integer> copies = new HashMap<>();
        for (Transaction t : transactions()) {
            copies.merge(t.messageId(), 1, Integer::sum);
        }
        return copies;
    }

    /**
     * The dump format: each transaction starts with smtp-sink's {@code X-Client-Addr:} line and its
     * {@code X-Rcpt-Args: <address>}, then the message as received; the first Message-ID header is the message's.
     */
    private static void read(Path file, List<Transaction> into) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            boolean headers = false;
            boolean wantContinuation = false;
            String recipient = null;
            String id = null;
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("X-Client-Addr:")) {
                    if (recipient != null || id != null) {
                        into.add(new Transaction(recipient == null ? "" : recipient, id == null ? "" : id));
                    }
                    recipient = null;
                    id = null;
                    headers = true;
                    wantContinuation = false;
                } else if (headers && line.isEmpty()) {
                    headers = false;
                } else if (headers && recipient == null && line.startsWith("X-Rcpt-Args:")) {
                    recipient = bare(line.substring("X-Rcpt-Args:".length()).strip().split("\\s+")[0]).toLowerCase(Locale.ROOT);
                } else if (headers && wantContinuation && (line.startsWith(" ") || line.startsWith("\t"))) {
                    id = bare(line);
                    wantContinuation = false;
                } else if (headers && id == null && line.toLowerCase(Locale.ROOT).startsWith("message-id:")) {
                    String value = line.substring("message-id:".length()).strip();
                    if (value.isEmpty()) {
                        wantContinuation = true;
                    } else {
                        id = bare(value);
                    }
                }
            }
            if (recipient != null || id != null) {
                into.add(new Transaction(recipient == null ? "" : recipient, id == null ? "" : id));
            }
        }
    }

    /**
     * Transactions to one of the tag's recipients ({@code <tag>-<n>@faults.example}) whose Message-ID is none of the
     * tag's deliveries: a mail sent again under a new Message-ID (a receiver could not tell it is a repeat).
     */
    long foreignCopies(String tag, Collection<String> ids) {
        Set<String> known = new HashSet<>(ids);
        String prefix = tag.toLowerCase(Locale.ROOT) + "-";
        return transactions().stream()
                .filter(t -> t.recipient().startsWith(prefix) && t.recipient().endsWith("@faults.example"))
                .filter(t -> !known.contains(t.messageId())).count();
    }

    static String bare(String messageId) {
        String v = messageId.strip();
        return v.startsWith("<") && v.endsWith(">") ? v.substring(1, v.length() - 1) : v;
    }

    /** What arrived of the given deliveries' Message-IDs: lost = never arrived, duplicates = copies beyond the first. */
    record Arrivals(int deliveries, int lost, int duplicates, int duplicatedIds) {
        static Arrivals of(Collection<String> ids, Map<String, Integer> copies) {
            Set<String> unique = new HashSet<>(ids);
            int lost = 0;
            int duplicates = 0;
            int duplicatedIds = 0;
            for (String id : unique) {
                int n = copies.getOrDefault(id, 0);
                if (n == 0) {
                    lost++;
                } else if (n > 1) {
                    duplicates += n - 1;
                    duplicatedIds++;
                }
            }
            return new Arrivals(unique.size(), lost, duplicates, duplicatedIds);
        }
    }
}
