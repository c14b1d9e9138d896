package io.distman.bench;

import io.distman.message.entity.Category;
import io.distman.message.entity.Priority;
import io.distman.submission.entity.SubmitRequest;
import io.distman.testsupport.Deployments;
import io.distman.testsupport.SmtpSink;
import io.distman.testsupport.TestEnvironment;
import io.distman.testsupport.ejb.Fixtures;
import io.distman.testsupport.ejb.Fixtures.TestAccount;
import io.distman.testsupport.ejb.TestModule;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two servers on one PostgreSQL (issue 12, part 3). Two GlassFish domains of their own ({@code src-test/tools/instance},
 * port bases 11000 and 12000) run the plain EAR against the database of this run; the mail is submitted here (the
 * test's server does not dispatch it: its sweep's first tick is 10 minutes after deployment) to accounts whose relay
 * is one Postfix smtp-sink that answers DATA after {@value #DATA_DELAY_S} s, as a remote relay far away does. The
 * same run measures, against that relay:
 * <ol>
 * <li>one instance dispatching {@code n} messages, then two instances dispatching {@code n} more:
 * {@code two_instance_speedup} = rate of two / rate of one (rate = messages / time from the first SENDING to the
 * last ACCEPTED event);
 * <li>{@code two_instance_duplicates}: Message-IDs of those 2n that arrived at the sink more than once (smtp-sink
 * {@code -d} dumps every transaction to a file), and {@code two_instance_lost};
 * <li>one instance killed with SIGKILL mid-dispatch: the other finishes its claims once their leases end
 * ({@code two_instance_kill_lost}, {@code _stuck}, and {@code _duplicates}: the killed one's in-flight window).
 * </ol>
 * On a 2-core machine the instances compete for the CPU: what makes two faster than one is the relay's latency
 * (each instance has {@code partitions} connections waiting on it), which is the case of a real remote relay.
 */
@ExtendWith(ArquillianExtension.class)
public class TwoInstanceBench {

    private static final int SINK_PORT = 11025;
    private static final int DATA_DELAY_S = 1;
    private static final String A = "distman-cluster-a";
    private static final String B = "distman-cluster-b";
    private static final String BODY = "x".repeat(2000 - 60) + "\n";
    private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^Message-ID:\\s*(<[^>\\r\\n]+>)");

    @Deployment
    public static EnterpriseArchive deployment() {
        return Deployments.ear(TwoInstanceBench.class, BenchFigures.class);
    }

    @EJB
    TestModule manager;

    @EJB
    Fixtures fixtures;

    @Resource(lookup = "jdbc/distman")
    DataSource dataSource;

    @Test
    void twoInstancesOnOneDatabase() throws Exception {
        int n = Integer.parseInt(optional("distman.test.twoInstance.messages", "400"));
        Path dumps = BenchFigures.result("two-instance-sink");
        Files.createDirectories(dumps);
        Files.setPosixFilePermissions(dumps, PosixFilePermissions.fromString("rwxrwxrwx")); // smtp-sink runs as nobody
        try (Stream<Path> old = Files.list(dumps)) {
            for (Path f : (Iterable<Path>) old::iterator) {
                Files.delete(f);
            }
        }
        String database = databaseName();
        try (SmtpSink sink = SmtpSink.start(SINK_PORT, "-d", dumps + "/msg.", "-w", String.valueOf(DATA_DELAY_S))) {
            instance("start", A, "11000", database);
            TestAccount one = dispatchAccount("two-instance-one");
            submit(one, n);
            awaitAccepted(one, n, 600);
            double rateOne = rate(one);

            instance("start", B, "12000", database);
            TestAccount two = dispatchAccount("two-instance-two");
            submit(two, n);
            awaitAccepted(two, n, 600);
            double rateTwo = rate(two);

            Map<String, Integer> arrived = arrivals(dumps);
            BenchFigures.report("two_instance_rate_one", rateOne, "msgs/s");
            BenchFigures.report("two_instance_rate_two", rateTwo, "msgs/s");
            BenchFigures.report("two_instance_speedup", rateTwo / rateOne, "ratio");
            BenchFigures.report("two_instance_duplicates", duplicates(arrived, one) + duplicates(arrived, two), "count");
            BenchFigures.report("two_instance_lost", 2L * n - accepted(one) - accepted(two), "count");

            TestAccount killed = dispatchAccount("two-instance-kill");
            submit(killed, n);
            awaitAccepted(killed, n / 3, 600);
            instance("kill9", B);
            long sendingAtKill = count("SELECT COUNT(*) FROM delivery WHERE account_id = " + killed.id() + " AND status = 'SENDING'");
            awaitAccepted(killed, n, 600);
            BenchFigures.report("two_instance_kill_sending_at_kill", sendingAtKill, "count");
            BenchFigures.report("two_instance_kill_lost", n - accepted(killed), "count");
            BenchFigures.report("two_instance_kill_stuck", count("SELECT COUNT(*) FROM delivery WHERE account_id = "
                    + killed.id() + " AND status = 'SENDING' AND lease_until IS NULL"), "count");
            BenchFigures.report("two_instance_kill_duplicates", duplicates(arrivals(dumps), killed), "count");
        } finally {
            instance("stop", A);
            instance("stop", B);
        }
    }

    private TestAccount dispatchAccount(String prefix) {
        TestAccount account = fixtures.newAccount(prefix);
        fixtures.useRelay(account.id(), "127.0.0.1", SINK_PORT);
        return account;
    }

    /**
     * Submits the phase's mail due all at once a few seconds from now: a sweep that ticked while the mail was still being
     * submitted would find the queue empty in some of its partitions, and a partition that claims nothing ends (the
     * first run, 2026-12-06, dispatched phase two with 6 blocks in flight instead of 8 for that reason).
     */
    private void submit(TestAccount account, int n) {
        Instant due = Instant.now().plusSeconds(8);
        for (int i = 0; i < n; i++) {
            manager.submit(SubmitRequest.builder().account(account.code()).raisedBy("bench").source("bench", String.valueOf(i)).sendAt(due)
                    .category(Category.TRANSACTIONAL).priority(Priority.NORMAL).sender("bench@northside.example", "Bench")
                    .to("cluster" + i + "@sink.example.org").subject("Two-instance bench " + i).text(BODY).build());
        }
    }

    private void awaitAccepted(TestAccount account, long wanted, int seconds) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (accepted(account) < wanted) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + accepted(account) + " of " + wanted + " accepted within " + seconds + " s");
            }
            Thread.sleep(200);
        }
    }

    private long accepted(TestAccount account) throws Exception {
        return count("SELECT COUNT(*) FROM delivery WHERE account_id = " + account.id() + " AND status = 'ACCEPTED'");
    }

    /** Messages per second from the account's first SENDING to its last ACCEPTED event: dispatch alone, not submission. */
    private double rate(TestAccount account) throws Exception {
        try (var c = dataSource.getConnection(); var s = c.createStatement(); var rs = s.executeQuery(
                "SELECT MIN(CASE WHEN status = 'SENDING' THEN occurred_at END), MAX(CASE WHEN status = 'ACCEPTED' THEN occurred_at END),"
                + " COUNT(DISTINCT CASE WHEN status = 'ACCEPTED' THEN delivery_id END)"
                + " FROM delivery_event WHERE account_id = " + account.id())) {
            rs.next();
            Timestamp first = rs.getTimestamp(1);
            Timestamp last = rs.getTimestamp(2);
            return rs.getLong(3) / ((last.getTime() - first.getTime()) / 1000.0);
        }
    }

    /** Message-ID → how often it arrived at the sink. */
    private static Map<String, Integer> arrivals(Path dumps) throws IOException {
        Map<String, Integer> arrived = new HashMap<>();
        try (Stream<Path> files = Files.list(dumps)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Matcher m = MESSAGE_ID.matcher(Files.readString(f, StandardCharsets.ISO_8859_1));
                if (m.find()) {
                    arrived.merge(m.group(1), 1, Integer::sum);
                }
            }
        }
        return arrived;
    }

    /** Arrivals beyond the first of the account's Message-IDs. */
    private long duplicates(Map<String, Integer> arrived, TestAccount account) throws Exception {
        Set<String> ids = new HashSet<>();
        try (var c = dataSource.getConnection(); var s = c.createStatement(); var rs = s.executeQuery(
                "SELECT message_id_header FROM delivery WHERE account_id = " + account.id())) {
            while (rs.next()) {
                String id = rs.getString(1);
                ids.add(id.startsWith("<") ? id : "<" + id + ">");
            }
        }
        return ids.stream().mapToLong(id -> Math.max(0, arrived.getOrDefault(id, 0) - 1)).sum();
    }

    private long count(String sql) throws Exception {
        try (var c = dataSource.getConnection(); var s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** This run's database (the bench profile's distman_bench, or -Ddistman.test.pg.database): the instances share it. */
    private String databaseName() throws Exception {
        try (var c = dataSource.getConnection()) {
            String url = c.getMetaData().getURL();
            String tail = url.substring(url.lastIndexOf('/') + 1);
            return tail.contains("?") ? tail.substring(0, tail.indexOf('?')) : tail;
        }
    }

    /** src-test/tools/instance with the instances' settings: sweeps every 2 s, short leases, small blocks. */
    private static void instance(String command, String name, String... more) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("bash", TestEnvironment.get("distman.test.instanceTool"), command, name));
        args.addAll(List.of(more));
        if (command.equals("start")) {
            args.addAll(List.of("-Ddistman.dispatch.interval=PT2S", "-Ddistman.dispatch.initialDelay=PT2S",
                    "-Ddistman.dispatch.lease=PT20S", "-Ddistman.dispatch.blockSize=5", "-Ddistman.dispatch.partitions=4", "-Xmx768m"));
        }
        ProcessBuilder builder = new ProcessBuilder(args).redirectErrorStream(true);
        // The instances share the database, so they share its installation key: the one of this run's server.
        Path serverLog = Path.of(TestEnvironment.get("distman.test.serverLog"));
        builder.environment().put("DISTMAN_KEYS", serverLog.getParent().getParent().resolve("config/distman-installation.keys").toString());
        Process process = builder.start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int exit = process.waitFor();
        Files.writeString(BenchFigures.result("two-instance-instances.log"), String.join(" ", args) + "\n" + output,
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        if (exit != 0 && command.equals("start")) {
            throw new IllegalStateException("instance " + command + " " + name + " failed (" + exit + "): " + output);
        }
    }

    private static String optional(String name, String fallback) {
        try {
            return TestEnvironment.get(name);
        } catch (IllegalStateException unset) {
            return fallback;
        }
    }

    @AfterAll
    static void printFigures() throws IOException {
        BenchFigures.print();
    }
}
