package io.distman.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One scenario's world: its own GlassFish domain (through {@code src-test/tools/instance}, port base 10000), its own
 * PostgreSQL database, mail submitted over the real REST API as the demo account, and the database read directly to
 * count what happened. Everything runs client-side in the failsafe JVM; nothing is deployed but the real EAR.
 */
final class FaultRig implements AutoCloseable {

    static final int PORT_BASE = Integer.getInteger("distman.faults.portBase", 10000);
    static final int HTTP_PORT = PORT_BASE + 80;
    static final int SMTP_PORT = PORT_BASE + 25;
    static final String DOMAIN = "distman-faults";
    static final String API_KEY = "demo-northside-key";
    static final String SENDER = "lettings@northside.example";
    private static final String PG = "jdbc:postgresql://127.0.0.1:5432/";
    private static final Pattern MESSAGE_ID = Pattern.compile("\"messageId\"\\s*:\\s*(\\d+)");

    final String scenario;
    final String database;
    private final List<String> jvmOptions;
    private final String mailProperties;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    /** A fresh domain and database for {@code scenario}; the JVM options add to the suite's defaults. */
    FaultRig(String scenario, String mailProperties, String... jvmOptions) {
        this.scenario = scenario;
        this.database = "distman_faults_" + scenario;
        this.mailProperties = mailProperties;
        this.jvmOptions = new ArrayList<>(List.of("-Ddistman.demo=true", "-Xmx1g",
                "-Ddistman.dispatch.interval=PT5S", "-Ddistman.dispatch.initialDelay=PT5S"));
        this.jvmOptions.addAll(List.of(jvmOptions));
    }

    /** Removes the scenario's domain from an earlier run, recreates its database and starts the instance. */
    FaultRig start() {
        instance("stop", DOMAIN);
        deleteTree(instanceDir().resolve(DOMAIN));
        try (Connection c = DriverManager.getConnection(PG + "postgres", "postgres", "postgres")) {
            c.createStatement().execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            c.createStatement().execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot recreate " + database, e);
        }
        try {
            restart();
            awaitDemoSender();
        } catch (RuntimeException e) {
            close(); // the caller's try-with-resources never got the rig: stop the domain here
            throw e;
        }
        return this;
    }

    /**
     * Waits until the demo has declared the sender domain verified. Health answers before the demo is seeded, and the
     * demo's steps commit one by one: the API key works some time before the domain is verified (its DKIM key is made
     * in between), and a scenario's first request in that gap was refused with 400 (seen once in serial_kill9).
     */
    private void awaitDemoSender() {
        String domain = SENDER.substring(SENDER.indexOf('@') + 1);
        boolean seeded = await(Duration.ofMinutes(2), Duration.ofMillis(200), () -> count("SELECT count(*) FROM sender_identity"
                + " WHERE identity_value = ? AND verified_at IS NOT NULL", domain) > 0);
        if (!seeded) {
            throw new IllegalStateException("the demo never verified " + domain + " in " + database);
        }
    }

    /** Starts the (stopped or killed) instance with the scenario's options and waits for its health probe. */
    void restart() {
        List<String> args = new ArrayList<>(List.of("start", DOMAIN, String.valueOf(PORT_BASE), database));
        args.addAll(jvmOptions);
        instance(args.toArray(String[]::new));
    }

    void kill9() {
        instance("kill9", DOMAIN);
    }

    @Override
    public void close() {
        instance("stop", DOMAIN);
    }

    static Path instanceDir() {
        return Path.of(System.getProperty("distman.faults.instanceDir", "target/instances"));
    }

    private void instance(String... args) {
        List<String> command = new ArrayList<>();
        command.add(System.getProperty("distman.faults.instance", "tools/instance"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).inheritIO().redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().put("INSTANCE_DIR", instanceDir().toString());
        pb.environment().put("SMTP_PORT", String.valueOf(SMTP_PORT));
        if (mailProperties != null) {
            pb.environment().put("MAIL_PROPERTIES", mailProperties);
        }
        copyProperty(pb, "distman.faults.glassfishHome", "GLASSFISH_HOME");
        copyProperty(pb, "distman.faults.ear", "EAR");
        try {
            Process p = pb.start();
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException(command + " failed" + (p.isAlive() ? "" : " with " + p.exitValue()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void copyProperty(ProcessBuilder pb, String property, String variable) {
        String value = System.getProperty(property);
        if (value != null && !value.isBlank()) {
            pb.environment().put(variable, value);
        }
    }

    // ---- submission over REST -------------------------------------------------------------------------------

    /**
     * Submits {@code count} one-recipient messages ({@code <tag>-<i>@faults.example}, sourceRef {@code tag}) with 8
     * callers, each retried on a refused or failed request until accepted (an idempotency key per message makes the
     * retry safe). {@code sendAt} null = now. Returns the message ids.
     */
    List<Long> submit(String tag, int count, Instant sendAt) {
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<Future<Long>> ids = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                ids.add(callers.submit(() -> submitOne(tag, n, sendAt)));
            }
            List<Long> result = new ArrayList<>();
            for (Future<Long> id : ids) {
                result.add(id.get());
            }
            return result;
        } catch (Exception e) {
            throw new IllegalStateException("submission of " + tag + " failed", e);
        } finally {
            callers.shutdownNow();
        }
    }

    private long submitOne(String tag, int n, Instant sendAt) throws Exception {
        String body = "{\"raisedBy\":\"anna\",\"category\":\"TRANSACTIONAL\",\"sourceModule\":\"faults\",\"sourceRef\":\"" + tag
                + "\",\"idempotencyKey\":\"" + tag + "-" + n + "\",\"sender\":{\"address\":\"" + SENDER + "\"},"
                + "\"to\":[{\"address\":\"" + tag + "-" + n + "@faults.example\"}],\"subject\":\"faults " + tag + " " + n
                + "\",\"textBody\":\"fault scenario " + scenario + ", message " + n + "\""
                + (sendAt == null ? "" : ",\"sendAt\":\"" + sendAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + "\"") + "}";
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse<String> answer = post("messages", body);
                Matcher id = MESSAGE_ID.matcher(answer.body());
                if ((answer.statusCode() == 201 || answer.statusCode() == 200) && id.find()) {
                    return Long.parseLong(id.group(1));
                }
                if (attempt >= 5 || answer.statusCode() == 400) {
                    throw new IllegalStateException("submit " + tag + "-" + n + ": " + answer.statusCode() + " " + answer.body());
                }
            } catch (IOException e) {
                if (attempt >= 5) {
                    throw e;
                }
            }
            Thread.sleep(500L * attempt);
        }
    }

    URI api(String path) {
        return URI.create("http://127.0.0.1:" + HTTP_PORT + "/distman/api/v1/" + path);
    }

    /** POSTs JSON as the demo account's API key (30 s at most). */
    HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(api(path)).header("Authorization", "Bearer " + API_KEY)
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(api(path)).header("Authorization", "Bearer " + API_KEY)
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Far enough ahead that no mail of a batch is due before the whole batch is in: see {@link #release}. */
    static Instant held() {
        return Instant.now().plus(Duration.ofHours(1));
    }

    /**
     * Makes the tag's held deliveries (submitted with {@link #held()}) due now, all at once: a backlog of the whole
     * batch, however long the submission took (10,000 took two minutes on the loaded machine, and with a guessed
     * {@code sendAt} the dispatch had run ahead of it). The claim reads only {@code next_attempt_at}.
     */
    void release(String tag) {
        try (Connection c = db()) {
            c.setAutoCommit(false);
            try (PreparedStatement d = c.prepareStatement("UPDATE delivery SET next_attempt_at = now() WHERE status = 'SCHEDULED'"
                    + " AND message_id IN (SELECT id FROM message WHERE source_ref = ?)");
                 PreparedStatement m = c.prepareStatement("UPDATE message SET send_at = now() WHERE source_ref = ?")) {
                d.setString(1, tag);
                m.setString(1, tag);
                log("released " + d.executeUpdate() + " deliveries of " + tag);
                m.executeUpdate();
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot release " + tag, e);
        }
    }

    // ---- the database ---------------------------------------------------------------------------------------

    /** A new connection per call: the pg_restart scenario outlives its connections. */
    Connection db() throws SQLException {
        return DriverManager.getConnection(PG + database, "postgres", "postgres");
    }

    /** A single number from the scenario's database ({@code ?} = the tag); -1 while the database cannot answer. */
    long count(String sql, String tag) {
        try (Connection c = db(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 1; i <= s.getParameterMetaData().getParameterCount(); i++) {
                s.setString(i, tag);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            return -1;
        }
    }

    static final String OURS = "FROM delivery d JOIN message m ON m.id = d.message_id WHERE m.source_ref = ?";
    static final String OPEN = "d.status IN ('PENDING','SCHEDULED','SENDING','TEMPORARY_FAILURE')";
    /** Conditions on {@code d} for {@link #messageIds} and {@link #finish}: every delivery of the tag, ... */
    static final String ALL = "TRUE";
    /** ... or those meant to go out (not settled before sending: no address, opted out, suppressed, refused). */
    static final String SENDABLE = "d.status NOT IN ('EMAIL_MISSING','OPTED_OUT','SUPPRESSED','REJECTED','CANCELLED')";

    long deliveries(String tag) {
        return count("SELECT count(*) " + OURS, tag);
    }

    long inStatus(String tag, String status) {
        return count("SELECT count(*) " + OURS + " AND d.status = '" + status + "'", tag);
    }

    long open(String tag) {
        return count("SELECT count(*) " + OURS + " AND " + OPEN, tag);
    }

    /** SENDING with no lease or a lease long run out: nobody will ever claim or record it (issue 12). */
    long stuck(String tag) {
        return count("SELECT count(*) " + OURS + " AND d.status = 'SENDING'"
                + " AND (d.lease_until IS NULL OR d.lease_until < now() - interval '2 minutes')", tag);
    }

    /** Message-ID header (without angle brackets) of each of the tag's deliveries that meets {@code condition}. */
    List<String> messageIds(String tag, String condition) {
        try (Connection c = db(); PreparedStatement s = c.prepareStatement("SELECT d.message_id_header " + OURS + " AND " + condition)) {
            s.setString(1, tag);
            List<String> ids = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    ids.add(SinkDump.bare(r.getString(1)));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a scenario ended with: counted from the database and the sink's dump. */
    record Outcome(boolean drained, long open, long sending, SinkDump.Arrivals arrivals, long stuck, long foreignCopies) {
    }

    /**
     * Waits (at most {@code timeout}) until none of the tag's deliveries is still queued or in flight, counts what
     * arrived per Message-ID, and prints the scenario's FAULT line, before any assertion.
     */
    Outcome finish(SinkDump sink, String tag, long deliveries, Duration timeout) {
        return finish(sink, tag, deliveries, timeout, ALL);
    }

    /** {@link #finish(SinkDump, String, long, Duration)} counting only the deliveries that meet {@code condition}. */
    Outcome finish(SinkDump sink, String tag, long deliveries, Duration timeout, String condition) {
        boolean drained = await(timeout, Duration.ofSeconds(1), () -> open(tag) == 0);
        pause(Duration.ofSeconds(2)); // the last transactions reach the dump
        List<String> ids = messageIds(tag, condition);
        Outcome o = new Outcome(drained, open(tag), inStatus(tag, "SENDING"), SinkDump.Arrivals.of(ids, sink.copiesByMessageId()),
                stuck(tag), sink.foreignCopies(tag, ids));
        log("drained=" + o.drained() + " open=" + o.open() + " SENDING=" + o.sending() + " ACCEPTED=" + inStatus(tag, "ACCEPTED")
                + " duplicated Message-IDs=" + o.arrivals().duplicatedIds() + " copies under an unknown Message-ID=" + o.foreignCopies());
        faultLine(scenario, deliveries, o.arrivals().lost(), o.arrivals().duplicates(), o.stuck());
        return o;
    }

    // ---- waiting and reporting -------------------------------------------------------------------------------

    static boolean await(Duration timeout, Duration every, BooleanSupplier done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (done.getAsBoolean()) {
                return true;
            }
            pause(every);
        }
        return done.getAsBoolean();
    }

    static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void log(String line) {
        System.out.println("[faults " + Instant.now() + "] " + line);
    }

    /** Prints the scenario's one FAULT line (before any assertion) and appends it to target/faults-results.txt. */
    static String faultLine(String scenario, long sent, long lost, long duplicates, long stuck) {
        String line = "FAULT " + scenario + " sent=" + sent + " lost=" + lost + " duplicates=" + duplicates + " stuck=" + stuck;
        System.out.println(line);
        String out = System.getProperty("distman.faults.results");
        if (out != null) {
            try {
                Files.writeString(Path.of(out), line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return line;
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
