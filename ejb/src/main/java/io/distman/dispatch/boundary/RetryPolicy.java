package io.distman.dispatch.boundary;

import io.distman.platform.boundary.Settings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When to try a temporarily failed delivery again: growing back-off (1 min, 5 min, 15 min, 1 h,
 * then every 3 h by default), until the delivery is older than the maximum age (3 days), after which
 * it fails for good. Mail that has waited three days is usually no longer worth delivering, and the
 * sender needs to know.
 */
public record RetryPolicy(List<Duration> backoff, Duration maxAge) {

    public static final List<Duration> DEFAULT_BACKOFF = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofHours(3));
    public static final Duration DEFAULT_MAX_AGE = Duration.ofDays(3);

    public RetryPolicy {
        if (backoff.isEmpty()) {
            throw new IllegalArgumentException("the back-off schedule needs at least one step");
        }
    }

    public static RetryPolicy fromSettings() {
        return new RetryPolicy(Settings.durations("distman.retry.backoff", DEFAULT_BACKOFF),
                Settings.duration("distman.retry.maxAge", DEFAULT_MAX_AGE));
    }

    /**
     * @param attempts   attempts made so far, including the one that just failed
     * @param firstDueAt when the delivery was first due (submission or send-at time)
     * @return the next attempt time, or empty when it is time to give up
     */
    public Optional<Instant> nextAttempt(int attempts, Instant firstDueAt, Instant now) {
        return nextAttempt(attempts, firstDueAt, now, null);
    }

    /**
     * @param notBefore the earliest time the provider will take mail again (HTTP Retry-After), or null:
     *                  a minimum wait, never a shorter one than the back-off, and no reason to go past the maximum age
     */
    public Optional<Instant> nextAttempt(int attempts, Instant firstDueAt, Instant now, Instant notBefore) {
        Duration delay = backoff.get(Math.min(Math.max(attempts, 1), backoff.size()) - 1);
        Instant next = now.plus(delay);
        if (notBefore != null && notBefore.isAfter(next)) {
            next = notBefore;
        }
        return next.isAfter(firstDueAt.plus(maxAge)) ? Optional.empty() : Optional.of(next);
    }
}
