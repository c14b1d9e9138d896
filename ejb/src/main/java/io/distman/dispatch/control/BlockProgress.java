package io.distman.dispatch.control;

import io.distman.dispatch.boundary.DeliveryClaims;
import io.distman.dispatch.control.AttemptRecorder.AttemptResult;
import io.distman.dispatch.entity.Claim;
import io.distman.dispatch.entity.SendResult;
import io.distman.platform.boundary.DatabaseErrors;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A block being sent: records its results in small steps as they come (not only once the whole block is
 * through), keeps the leases of the mail still to go alive, and retries a step whose recording hit a
 * transient database error. A step refused for any other reason is recorded delivery by delivery, so one
 * delivery's conflict never undoes the others'. What cannot be recorded at all stays SENDING under its
 * lease and is taken again when that runs out: sent twice, with the same Message-ID, never lost.
 */
public final class BlockProgress {

    private static final Logger LOG = Logger.getLogger(BlockProgress.class.getName());
    private static final long FIRST_PAUSE_MILLIS = 250;
    private static final long LONGEST_PAUSE_MILLIS = 10_000;

    private final AttemptRecorder recorder;
    private final DeliveryClaims claims;
    private final Clock clock;
    private final Steps steps;
    private final Map<Long, Claim> unsent = new LinkedHashMap<>();
    private final List<AttemptResult> step = new ArrayList<>();
    private Instant renewedAt;
    private Instant recordedAt;
    private int overtaken;
    private int unrecorded;

    /**
     * @param stepSize     results recorded together (one transaction)
     * @param stepInterval the longest a result waits to be recorded
     * @param lease        the claims' lease: renewed when a third of it has passed, retries given up after it
     */
    public record Steps(int stepSize, Duration stepInterval, Duration lease) {
    }

    public BlockProgress(Collection<Claim> block, AttemptRecorder recorder, DeliveryClaims claims, Clock clock, Steps steps) {
        this.recorder = recorder;
        this.claims = claims;
        this.clock = clock;
        this.steps = steps;
        block.forEach(claim -> unsent.put(claim.deliveryId(), claim));
        renewedAt = recordedAt = clock.instant();
    }

    /** The transport's results for some of the block; records and renews when it is time. */
    public void sent(List<SendResult> results) {
        for (SendResult result : results) {
            Claim claim = unsent.remove(result.deliveryId());
            if (claim != null) {
                step.add(new AttemptResult(claim, result));
            }
        }
        Instant now = clock.instant();
        if (step.size() >= steps.stepSize() || !now.isBefore(recordedAt.plus(steps.stepInterval()))) {
            flush();
        }
        if (!clock.instant().isBefore(renewedAt.plus(steps.lease().dividedBy(3)))) {
            renew();
        }
    }

    /** Records what is left; @return results that were not recorded because their claim had been overtaken */
    public int finish() {
        flush();
        if (overtaken > 0 || unrecorded > 0) {
            LOG.warning(() -> "dispatch block: " + overtaken + " result(s) came after their lease had passed to another"
                    + " dispatcher and were not recorded; " + unrecorded + " could not be recorded (sent again when"
                    + " their lease runs out)");
        }
        return overtaken;
    }

    /** Renews every claim of the block not yet on record: those still to go, and those sent but waiting in the step. */
    private void renew() {
        renewedAt = clock.instant();
        Map<String, List<Long>> byOwner = Stream.concat(unsent.values().stream(), step.stream().map(AttemptResult::claim))
                .collect(Collectors.groupingBy(Claim::owner, Collectors.mapping(Claim::deliveryId, Collectors.toList())));
        if (byOwner.isEmpty()) {
            return;
        }
        try {
            byOwner.forEach(claims::renew);
        } catch (RuntimeException e) {
            // Not fatal: should the lease run out meanwhile, the fencing token keeps a late result out.
            LOG.log(Level.WARNING, "cannot renew the leases of a block in flight", e);
        }
    }

    private void flush() {
        recordedAt = clock.instant();
        if (step.isEmpty()) {
            return;
        }
        List<AttemptResult> batch = List.copyOf(step);
        step.clear();
        try {
            overtaken += recordRetrying(batch);
        } catch (RuntimeException e) {
            if (DatabaseErrors.transientFailure(e) || batch.size() == 1) {
                unrecorded += batch.size();
                LOG.log(Level.SEVERE, "cannot record " + batch.size() + " sent deliveries " + ids(batch), e);
                return;
            }
            LOG.log(Level.WARNING, "recording " + batch.size() + " results failed; recording them one by one", e);
            for (AttemptResult one : batch) {
                try {
                    overtaken += recordRetrying(List.of(one));
                } catch (RuntimeException alone) {
                    unrecorded++;
                    LOG.log(Level.SEVERE, "cannot record the attempt of delivery " + one.claim().deliveryId(), alone);
                }
            }
        }
    }

    /** Retries transient database errors with growing pauses, for at most a lease (by then another dispatcher owns the claim). */
    private int recordRetrying(List<AttemptResult> batch) {
        Instant giveUp = clock.instant().plus(steps.lease());
        long pause = FIRST_PAUSE_MILLIS;
        while (true) {
            try {
                return recorder.record(batch).size();
            } catch (RuntimeException e) {
                if (!DatabaseErrors.transientFailure(e) || clock.instant().plusMillis(pause).isAfter(giveUp)) {
                    throw e;
                }
                LOG.warning("recording " + batch.size() + " results hit a transient database error, retrying in " + pause
                        + " ms: " + e);
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                pause = Math.min(pause * 2, LONGEST_PAUSE_MILLIS);
            }
        }
    }

    private static String ids(List<AttemptResult> batch) {
        return batch.stream().map(a -> String.valueOf(a.claim().deliveryId())).collect(Collectors.joining(",", "[", "]"));
    }
}
