package io.distman.ratelimit.control;

import java.time.Duration;
import java.time.Instant;

/**
 * A limit of {@code limit} per {@code period}, counted in up to six equal windows aligned to the epoch (so a
 * per-hour limit's windows start on the clock: 10:00, 10:10, ...). The number of windows is the largest of
 * 6..1 that divides the limit, so the windows' quotas add up to exactly the limit in every clock period and
 * never more; a burst is at most one window's quota. (500/h: five windows of 12 minutes, 100 each.)
 */
public record WindowedLimit(int limit, Duration period) {

    public WindowedLimit {
        if (limit < 1 || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("a limit needs a positive count and period: " + limit + "/" + period);
        }
    }

    public int windows() {
        for (int k = Math.min(6, limit); k > 1; k--) {
            if (limit % k == 0 && period.toMillis() % k == 0) {
                return k;
            }
        }
        return 1;
    }

    public Duration window() {
        return period.dividedBy(windows());
    }

    /** How many may go in one window. */
    public int quota() {
        return limit / windows();
    }

    /** The start of the window {@code at} falls in. */
    public Instant windowStart(Instant at) {
        long length = window().toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(at.toEpochMilli(), length) * length);
    }

    public Instant nextWindow(Instant windowStart) {
        return windowStart.plus(window());
    }
}
