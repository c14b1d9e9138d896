package io.distman.dispatch.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.dispatch.boundary.DeliveryClaims;
import io.distman.dispatch.control.AttemptRecorder.AttemptResult;
import io.distman.dispatch.entity.Claim;
import io.distman.dispatch.entity.SendOutcome;
import io.distman.dispatch.entity.SendResult;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BlockProgressTest {

    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

    /** Records what it is given; the configured delivery ids fail their step (as a constraint would), or fail transiently N times. */
    static class FakeRecorder extends AttemptRecorder {
        final List<List<Long>> steps = new ArrayList<>();
        final List<Long> conflicting = new ArrayList<>();
        int transientFailures;
        List<Long> overtaken = List.of();

        @Override
        public List<Long> record(List<AttemptResult> attempts) {
            List<Long> ids = attempts.stream().map(a -> a.claim().deliveryId()).toList();
            if (transientFailures > 0) {
                transientFailures--;
                throw new PersistenceException(new SQLException("This connection has been closed.", "08003"));
            }
            if (ids.stream().anyMatch(conflicting::contains)) {
                throw new PersistenceException(new SQLException("duplicate key value", "23505"));
            }
            steps.add(ids);
            return ids.stream().filter(overtaken::contains).toList();
        }
    }

    static class FakeClaims extends DeliveryClaims {
        final List<List<Long>> renewed = new ArrayList<>();

        @Override
        public int renew(String owner, Collection<Long> ids) {
            renewed.add(List.copyOf(ids));
            return ids.size();
        }
    }

    private static List<Claim> block(int size) {
        return IntStream.rangeClosed(1, size).mapToObj(i -> new Claim(i, "node", 1)).toList();
    }

    private static SendResult accepted(long id) {
        return new SendResult(id, SendOutcome.ACCEPTED, 250, null, "250 ok", "smtp", null, NOW);
    }

    private static BlockProgress progress(List<Claim> block, FakeRecorder recorder, FakeClaims claims, Clock clock) {
        return new BlockProgress(block, recorder, claims, clock,
                new BlockProgress.Steps(3, Duration.ofMinutes(5), Duration.ofMinutes(3)));
    }

    @Test
    void recordsInStepsAsResultsComeNotOnlyAtTheEnd() {
        FakeRecorder recorder = new FakeRecorder();
        BlockProgress progress = progress(block(7), recorder, new FakeClaims(), Clock.fixed(NOW, ZoneOffset.UTC));
        for (long id = 1; id <= 7; id++) {
            progress.sent(List.of(accepted(id)));
        }
        assertEquals(List.of(List.of(1L, 2L, 3L), List.of(4L, 5L, 6L)), recorder.steps, "two full steps before the end");
        progress.finish();
        assertEquals(List.of(7L), recorder.steps.get(2));
    }

    @Test
    void oneDeliverysConflictDoesNotUndoTheOthersOfItsStep() {
        FakeRecorder recorder = new FakeRecorder();
        recorder.conflicting.add(2L);
        BlockProgress progress = progress(block(3), recorder, new FakeClaims(), Clock.fixed(NOW, ZoneOffset.UTC));
        progress.sent(List.of(accepted(1), accepted(2), accepted(3)));
        progress.finish();
        assertEquals(List.of(List.of(1L), List.of(3L)), recorder.steps, "recorded one by one, all but the conflicting one");
    }

    @Test
    void transientDatabaseErrorsAreRetried() {
        FakeRecorder recorder = new FakeRecorder();
        recorder.transientFailures = 2;
        BlockProgress progress = progress(block(3), recorder, new FakeClaims(), Clock.systemUTC());
        progress.sent(List.of(accepted(1), accepted(2), accepted(3)));
        progress.finish();
        assertEquals(List.of(List.of(1L, 2L, 3L)), recorder.steps, "the whole step, once the database answered again");
    }

    @Test
    void overtakenClaimsAreCountedNotRecorded() {
        FakeRecorder recorder = new FakeRecorder();
        recorder.overtaken = List.of(2L);
        BlockProgress progress = progress(block(3), recorder, new FakeClaims(), Clock.fixed(NOW, ZoneOffset.UTC));
        progress.sent(List.of(accepted(1), accepted(2), accepted(3)));
        assertEquals(1, progress.finish());
    }

    @Test
    void theLeasesOfMailStillToGoAreRenewedOnceAThirdOfTheLeaseHasPassed() {
        FakeRecorder recorder = new FakeRecorder();
        FakeClaims claims = new FakeClaims();
        MutableClock clock = new MutableClock(NOW);
        BlockProgress progress = progress(block(5), recorder, claims, clock);
        progress.sent(List.of(accepted(1)));
        assertEquals(List.of(), claims.renewed, "not yet: under a third of the 3-minute lease has passed");
        clock.now = NOW.plusSeconds(61);
        progress.sent(List.of(accepted(2)));
        assertEquals(List.of(List.of(3L, 4L, 5L)), claims.renewed, "only the mail not yet sent");
        progress.sent(List.of(accepted(3)));
        assertEquals(1, claims.renewed.size(), "not again until another third has passed");
        assertTrue(recorder.steps.size() >= 1);
    }

    static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
