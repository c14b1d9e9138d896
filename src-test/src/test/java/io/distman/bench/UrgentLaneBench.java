package io.distman.bench;

import io.distman.dispatch.boundary.DispatchJobs;
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
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.ejb.EJB;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Lanes under load ({@code mvn -Pbench verify}): while a sweep drains a bulk backlog (100,000 deliveries by
 * default, {@code -Ddistman.test.bench.bulk=} for fewer while developing) into Postfix's smtp-sink, an URGENT
 * transactional mail is submitted every half second, as a calling module would; its time from submit() to the
 * relay's acceptance (the ACCEPTED status time) is taken, and the 95th percentile printed as
 * {@code BENCH urgent_p95_under_bulk_backlog_s} (target below 5 s).
 */
@ExtendWith(ArquillianExtension.class)
public class UrgentLaneBench {

    private static final int SINK_PORT = 2530;
    private static final int PER_MESSAGE = 500; // recipients per bulk message: submission's maximum
    private static final String BODY = "x".repeat(2000 - 60) + "\n";

    @Deployment
    public static EnterpriseArchive deployment() {
        return Deployments.ear(UrgentLaneBench.class, BenchFigures.class);
    }

    @EJB
    TestModule manager;

    @EJB
    Fixtures fixtures;

    @EJB
    DispatchJobs jobs;

    @Resource(lookup = "jdbc/distman")
    DataSource dataSource;

    @Test
    void urgentMailIsAcceptedWithinSecondsWhileABulkBacklogDrains() throws Exception {
        int bulk = bulkCount();
        TestAccount account = fixtures.newAccount("lanes-bench");
        fixtures.useRelay(account.id(), "127.0.0.1", SINK_PORT);
        for (int sent = 0; sent < bulk; sent += PER_MESSAGE) {
            String[] to = new String[Math.min(PER_MESSAGE, bulk - sent)];
            for (int i = 0; i < to.length; i++) {
                to[i] = "reader" + (sent + i) + "@sink.example.org";
            }
            manager.submit(SubmitRequest.builder().account(account.code()).raisedBy("bench").source("bench", "bulk")
                    .category(Category.BULK).priority(Priority.NORMAL).sender("news@northside.example", "News")
                    .bcc(to).subject("Newsletter").text(BODY).build());
        }
        Map<Long, Instant> urgent = new LinkedHashMap<>();
        long backlogAtFirst;
        try (SmtpSink sink = SmtpSink.start(SINK_PORT)) {
            long sweep = jobs.sweep();
            if (sweep < 0) {
                throw new IllegalStateException("a sweep was already running: the backlog would not be this bench's alone");
            }
            Instant started = Instant.now();
            backlogAtFirst = -1;
            while (running(sweep) && urgent.size() < 200) {
                Thread.sleep(500);
                long pending = bulkPending(account.id());
                if (pending == 0) {
                    break;
                }
                if (backlogAtFirst < 0) {
                    backlogAtFirst = pending;
                }
                Instant submitted = Instant.now();
                long id = manager.submit(SubmitRequest.builder().account(account.code()).raisedBy("bench")
                        .source("bench", "urgent").category(Category.TRANSACTIONAL).priority(Priority.URGENT)
                        .sender("alerts@northside.example", "Alerts").to("urgent" + urgent.size() + "@sink.example.org")
                        .subject("Your one-time code").text("123456").build()).deliveries().get(0).deliveryId();
                urgent.put(id, submitted);
            }
            // Every urgent mail must have gone; wait for the last ones (and the sweep) to finish.
            Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
            while (acceptedAt(urgent.keySet()).size() < urgent.size() && Instant.now().isBefore(deadline)) {
                Thread.sleep(200);
            }
            BenchFigures.report("urgent_bulk_drain_s", Duration.between(started, Instant.now()).toMillis() / 1000.0, "s");
        }
        Map<Long, Instant> accepted = acceptedAt(urgent.keySet());
        if (urgent.isEmpty() || accepted.size() < urgent.size()) {
            throw new AssertionError("urgent mail not accepted: " + (urgent.size() - accepted.size()) + " of " + urgent.size());
        }
        double[] seconds = urgent.entrySet().stream()
                .mapToDouble(e -> Duration.between(e.getValue(), accepted.get(e.getKey())).toMillis() / 1000.0).toArray();
        Arrays.sort(seconds);
        BenchFigures.report("urgent_bulk_backlog", bulk, "deliveries");
        BenchFigures.report("urgent_bulk_pending_at_first_urgent", backlogAtFirst, "deliveries");
        BenchFigures.report("urgent_samples", seconds.length, "mails");
        BenchFigures.report("urgent_p50_under_bulk_backlog_s", seconds[(int) Math.ceil(0.50 * seconds.length) - 1], "s");
        BenchFigures.report("urgent_p95_under_bulk_backlog_s", seconds[(int) Math.ceil(0.95 * seconds.length) - 1], "s");
    }

    private static int bulkCount() {
        try {
            return Integer.parseInt(TestEnvironment.get("distman.test.bench.bulk"));
        } catch (IllegalStateException e) {
            return 100_000;
        }
    }

    private static boolean running(long execution) {
        BatchStatus status = BatchRuntime.getJobOperator().getJobExecution(execution).getBatchStatus();
        return status == BatchStatus.STARTING || status == BatchStatus.STARTED;
    }

    private long bulkPending(long accountId) throws Exception {
        try (var c = dataSource.getConnection(); var s = c.prepareStatement("SELECT COUNT(*) FROM delivery WHERE account_id = ?"
                + " AND bulk AND status IN ('PENDING', 'SCHEDULED', 'SENDING', 'TEMPORARY_FAILURE')")) {
            s.setLong(1, accountId);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private Map<Long, Instant> acceptedAt(java.util.Collection<Long> ids) throws Exception {
        Map<Long, Instant> accepted = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return accepted;
        }
        List<String> marks = new ArrayList<>();
        ids.forEach(id -> marks.add("?"));
        try (var c = dataSource.getConnection(); var s = c.prepareStatement("SELECT id, status_at FROM delivery WHERE status = 'ACCEPTED'"
                + " AND id IN (" + String.join(",", marks) + ")")) {
            int i = 1;
            for (Long id : ids) {
                s.setLong(i++, id);
            }
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    accepted.put(rs.getLong(1), rs.getTimestamp(2).toInstant());
                }
            }
        }
        return accepted;
    }

    @AfterAll
    static void printFigures() throws IOException {
        BenchFigures.print();
    }
}
