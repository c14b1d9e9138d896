package io.distman.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.platform.control.ScheduledTaskRows;
import io.distman.platform.entity.ScheduledTask;
import jakarta.ejb.EJBException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What ScheduleLeases decides around the row (the conditional update itself runs on the database: ScheduleLeasesIT):
 * the times it asks for, a job's first row, a row another server created in the same instant, and the turn given back
 * however the job ends. The rows stand-in records what was asked and answers as its test says.
 */
class ScheduleLeasesTest {

    private static final Instant NOW = Instant.parse("2026-12-06T07:00:00Z");

    /** Records every take and answers from {@code answers} in turn; rows exist once created. */
    static final class Rows extends ScheduledTaskRows {
        final List<Instant[]> takes = new ArrayList<>();
        final List<Boolean> answers = new ArrayList<>();
        final Map<String, ScheduledTask> existing = new HashMap<>();
        final List<String> released = new ArrayList<>();
        boolean createCollides;

        @Override
        public boolean take(String name, String me, Instant now, Instant until, Instant startedBefore) {
            takes.add(new Instant[] {now, until, startedBefore});
            return answers.remove(0);
        }

        @Override
        public void create(String name) {
            existing.put(name, new ScheduledTask(name)); // the other server's row is there either way
            if (createCollides) {
                throw new EJBException("duplicate key value violates unique constraint \"scheduled_task_pkey\"");
            }
        }

        @Override
        public void release(String name, String me) {
            released.add(name + " by " + me);
        }

        @Override
        public ScheduledTask find(String name) {
            return existing.get(name);
        }
    }

    private final Rows rows = new Rows();
    private final ScheduleLeases leases = new ScheduleLeases();

    ScheduleLeasesTest() {
        leases.rows = rows;
        leases.clock = Clock.fixed(NOW, ZoneOffset.UTC);
    }

    @Test
    void asksForTheLeaseEndAndTheGapFromNow() {
        rows.answers.add(true);
        assertTrue(leases.tryRun("daily", Duration.ofHours(1), Duration.ofHours(12)));
        Instant[] asked = rows.takes.get(0);
        assertEquals(NOW, asked[0]);
        assertEquals(NOW.plus(Duration.ofHours(1)), asked[1]);
        assertEquals(NOW.minus(Duration.ofHours(12)), asked[2]);
    }

    @Test
    void anExistingRowSomeoneElseHoldsIsARefusalWithoutASecondTry() {
        rows.existing.put("sweep", new ScheduledTask("sweep"));
        rows.answers.add(false);
        assertFalse(leases.tryRun("sweep", Duration.ofMinutes(10)));
        assertEquals(1, rows.takes.size());
    }

    @Test
    void aJobsFirstRowIsCreatedAndThenTaken() {
        rows.answers.addAll(List.of(false, true));
        assertTrue(leases.tryRun("new job", Duration.ofMinutes(10)));
        assertTrue(rows.existing.containsKey("new job"));
        assertEquals(2, rows.takes.size());
    }

    @Test
    void aRowAnotherServerCreatedInTheSameInstantIsCompetedFor() {
        rows.createCollides = true;
        rows.answers.addAll(List.of(false, false));
        assertFalse(leases.tryRun("new job", Duration.ofMinutes(10)), "the other server took it first");
        assertEquals(2, rows.takes.size());
    }

    @Test
    void theTurnIsGivenBackWhenTheJobFailsAndOnlyWhereItWasTaken() {
        rows.answers.addAll(List.of(true, false));
        rows.existing.put("poll", new ScheduledTask("poll"));
        assertThrows(IllegalStateException.class, () -> leases.once("poll", Duration.ofMinutes(5), Duration.ZERO, () -> {
            throw new IllegalStateException("mailbox down");
        }));
        assertEquals(List.of("poll by " + leases.holder()), rows.released);
        int[] runs = {0};
        assertFalse(leases.once("poll", Duration.ofMinutes(5), Duration.ZERO, () -> runs[0]++));
        assertEquals(0, runs[0]);
        assertEquals(1, rows.released.size(), "nothing given back that was not taken");
    }

    @Test
    void aLeaseMustBePositiveAndAGapNotNegative() {
        assertThrows(IllegalArgumentException.class, () -> leases.tryRun("x", Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> leases.tryRun("x", Duration.ofSeconds(1), Duration.ofSeconds(-1)));
        assertTrue(rows.takes.isEmpty());
    }

    @Test
    void theGapOfAnIntervalJobLetsATimerFiringEarlyRunButNotTwoServersInOneInterval() {
        assertEquals(Duration.ofMinutes(8), ScheduleLeases.gapFor(Duration.ofMinutes(10)));
        assertEquals(Duration.ofMillis(1600), ScheduleLeases.gapFor(Duration.ofSeconds(2)));
    }

    @Test
    void theHolderNameTellsTwoStartsOfOneServerApart() {
        String holder = leases.holder();
        assertTrue(holder.matches(".+#[0-9a-f]{8}"), holder);
        assertNull(rows.find("anything"));
    }
}
