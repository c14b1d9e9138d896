package io.distman.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.platform.boundary.ScheduleLeases;
import io.distman.platform.control.ScheduledTaskRows;
import io.distman.testsupport.Deployments;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The installation-wide turns of scheduled jobs on the real database: of many callers at once exactly one takes a
 * turn, a live lease keeps every other server out, an expired one is taken over, and the gap keeps a job to once per
 * period. "Servers" are holder names: the conditional update is all that tells them apart.
 */
@ExtendWith(ArquillianExtension.class)
public class ScheduleLeasesIT {

    private static final int CALLERS = 8;

    @Deployment
    public static EnterpriseArchive deployment() {
        return Deployments.ear(ScheduleLeasesIT.class);
    }

    @EJB
    ScheduleLeases leases;

    @EJB
    ScheduledTaskRows rows;

    @Resource
    ManagedExecutorService executor;

    private static String newTask() {
        return "it " + UUID.randomUUID();
    }

    /** Runs the callers at once (released together by a latch) and counts how many got the turn. */
    private int winners(List<Callable<Boolean>> callers) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (Callable<Boolean> caller : callers) {
            results.add(executor.submit(() -> {
                go.await();
                return caller.call();
            }));
        }
        go.countDown();
        int won = 0;
        for (Future<Boolean> result : results) {
            won += result.get(60, TimeUnit.SECONDS) ? 1 : 0;
        }
        return won;
    }

    @Test
    void ofServersTakingOneJobAtOnceExactlyOneWins() throws Exception {
        String task = newTask();
        rows.create(task);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<Callable<Boolean>> servers = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            String holder = "server-" + i;
            servers.add(() -> rows.take(task, holder, now, now.plus(Duration.ofMinutes(10)), now));
        }
        assertEquals(1, winners(servers));
    }

    @Test
    void ofCallsOnANewJobAtOnceExactlyOneRunsIt() throws Exception {
        // No row yet: the callers race to create it too (ScheduleLeases survives the primary-key collision).
        String task = newTask();
        List<Callable<Boolean>> callers = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            callers.add(() -> leases.tryRun(task, Duration.ofMinutes(10), Duration.ofHours(1)));
        }
        assertEquals(1, winners(callers));
        assertEquals(leases.holder(), rows.find(task).holder());
    }

    @Test
    void aLiveLeaseKeepsOtherServersOutAndAnExpiredOneIsTakenOver() {
        String task = newTask();
        rows.create(task);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant until = now.plus(Duration.ofMinutes(10));
        assertTrue(rows.take(task, "server-a", now, until, now));
        assertFalse(rows.take(task, "server-b", now.plusSeconds(1), until, now.plusSeconds(1)), "a live lease blocks");
        assertFalse(rows.take(task, "server-b", until, until.plusSeconds(60), until), "a lease is live up to its end");
        Instant later = until.plusSeconds(1);
        assertTrue(rows.take(task, "server-b", later, later.plusSeconds(60), later), "an expired lease is taken over");
        assertEquals("server-b", rows.find(task).holder());
        rows.release(task, "server-a"); // the late first holder gives back what it no longer holds: nothing happens
        assertEquals("server-b", rows.find(task).holder());
        assertEquals(later.plusSeconds(60), rows.find(task).leaseUntil());
    }

    @Test
    void aGivenBackTurnIsFreeButTheGapKeepsTheJobToOncePerPeriod() {
        String task = newTask();
        rows.create(task);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        assertTrue(rows.take(task, "server-a", now, now.plusSeconds(600), now));
        rows.release(task, "server-a");
        assertNull(rows.find(task).leaseUntil());
        Instant soon = now.plusSeconds(5);
        assertFalse(rows.take(task, "server-b", soon, soon.plusSeconds(600), soon.minus(Duration.ofHours(12))),
                "the summary began 5 s ago on another server: not again within 12 hours");
        assertTrue(rows.take(task, "server-b", soon, soon.plusSeconds(600), soon), "no gap asked: free to take");
    }

    @Test
    void aJobRunsWhereItGetsTheTurnAndGivesItBackEvenWhenItFails() {
        String task = newTask();
        int[] runs = {0};
        assertTrue(leases.once(task, Duration.ofMinutes(10), Duration.ZERO, () -> runs[0]++));
        assertNull(rows.find(task).leaseUntil(), "given back at the end");
        // the job's exception comes out (as the container's EJBException: it crossed the bean's boundary)
        assertThrows(RuntimeException.class, () -> leases.once(task, Duration.ofMinutes(10), Duration.ZERO, () -> {
            throw new IllegalStateException("the job failed");
        }));
        assertNull(rows.find(task).leaseUntil(), "given back after a failure too");
        Instant now = Instant.now();
        assertTrue(rows.take(task, "server-b", now, now.plusSeconds(60), now), "another server may take it at once");
        assertFalse(leases.once(task, Duration.ofMinutes(10), Duration.ZERO, () -> runs[0]++), "held by server-b now");
        assertEquals(1, runs[0]);
    }
}
