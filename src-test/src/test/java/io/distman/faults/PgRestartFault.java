package io.distman.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL restarted under a dispatch (issue 12: without connection validation the application stayed broken,
 * every sweep failing with "This connection has been closed" and the REST API answering GlassFish's HTML 500 page
 * until the pool was flushed by hand). Required, with nobody touching the server: the API answers again and the
 * dispatch finishes, nothing lost, nothing left SENDING; while the database is away the API answers JSON (503), never
 * an HTML page or SQL. The restart affects every database on the machine for a few seconds (the suite holds the
 * GlassFish lock, so no other test run is using it).
 */
class PgRestartFault {

    static final String SCENARIO = "pg_restart";
    static final int MESSAGES = Integer.getInteger("distman.faults.pgRestart.messages", 3_000);
    static final String RESTART = System.getProperty("distman.faults.pgRestart",
            "pg_ctlcluster --skip-systemctl-redirect 15 main restart");

    @Test
    void dispatchAndApiResumeAfterADatabaseRestart() throws Exception {
        String tag = "pg";
        try (SinkDump sink = new SinkDump(SCENARIO);
             FaultRig rig = new FaultRig(SCENARIO, null, "-Ddistman.dispatch.lease=PT30S").start()) {
            List<Long> messages = rig.submit(tag, MESSAGES, FaultRig.held());
            long deliveries = rig.deliveries(tag);
            rig.release(tag);
            String probe = "messages/" + messages.get(0);

            long restartAt = deliveries * 3 / 10;
            assertTrue(FaultRig.await(Duration.ofMinutes(4), Duration.ofMillis(100),
                    () -> rig.inStatus(tag, "ACCEPTED") >= restartAt), "dispatch never reached " + restartAt + " accepted");

            // The API, probed without pause from before the restart until it answers 200 again after it.
            Map<String, Integer> answers = new ConcurrentHashMap<>();
            List<String> badBodies = new CopyOnWriteArrayList<>();
            AtomicBoolean probing = new AtomicBoolean(true);
            Thread prober = new Thread(() -> {
                while (probing.get()) {
                    try {
                        HttpResponse<String> a = rig.get(probe);
                        String type = a.headers().firstValue("Content-Type").orElse("");
                        answers.merge(a.statusCode() + " " + (type.contains("json") ? "json" : type), 1, Integer::sum);
                        if (a.statusCode() != 200 && (!type.contains("json") || a.body().toLowerCase().contains("select")
                                || a.body().contains("<html") || a.body().contains("Exception"))) {
                            badBodies.add(a.statusCode() + " " + type + " " + a.body().substring(0, Math.min(300, a.body().length())));
                        }
                    } catch (IOException e) {
                        answers.merge("io " + e.getClass().getSimpleName(), 1, Integer::sum);
                    } catch (InterruptedException e) {
                        return;
                    }
                    FaultRig.pause(Duration.ofMillis(50));
                }
            });
            prober.start();
            FaultRig.pause(Duration.ofSeconds(1));
            long acceptedBefore = rig.inStatus(tag, "ACCEPTED");
            Process restart = new ProcessBuilder("bash", "-c", RESTART).inheritIO().start();
            assertTrue(restart.waitFor(2, TimeUnit.MINUTES) && restart.exitValue() == 0, RESTART + " failed");
            Instant restarted = Instant.now();
            FaultRig.log("PostgreSQL restarted at " + acceptedBefore + " accepted");

            // The API answers again by itself.
            boolean apiBack = FaultRig.await(Duration.ofMinutes(3), Duration.ofMillis(200), () -> {
                try {
                    return rig.get(probe).statusCode() == 200 && rig.get("health").statusCode() == 200;
                } catch (IOException | InterruptedException e) {
                    return false;
                }
            });
            FaultRig.log("API back=" + apiBack + " after " + Duration.between(restarted, Instant.now()).toSeconds() + " s");
            FaultRig.pause(Duration.ofSeconds(2));
            probing.set(false);
            prober.join(15_000);
            FaultRig.log("API answers around the restart: " + new TreeMap<>(answers));

            FaultRig.Outcome o = rig.finish(sink, tag, deliveries, Duration.ofMinutes(4));

            assertTrue(apiBack, "the API did not answer 200 again within 3 minutes of the restart");
            assertEquals(MESSAGES, deliveries);
            assertEquals(0, o.arrivals().lost(), "mail never arrived");
            assertEquals(0, o.stuck(), "deliveries left SENDING without a lease");
            assertEquals(0, o.open(), "deliveries still queued: the dispatch did not resume");
            assertTrue(badBodies.isEmpty(), "error answers that are not JSON or show SQL/Java: " + badBodies);
        }
    }
}
