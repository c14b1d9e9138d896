package io.distman.feedback.control.webhook;

import io.distman.feedback.entity.WebhookRejectedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Rejects signed requests whose timestamp is too far from now, which bounds how long a captured
 * request can be replayed and how long the replay guard must remember tokens.
 */
public final class FreshnessCheck {

    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(5);

    private final Clock clock;
    private final Duration window;

    private FreshnessCheck(Clock clock, Duration window) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.window = window;
    }

    public static FreshnessCheck of(Clock clock, Duration window) {
        if (window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive");
        }
        return new FreshnessCheck(clock, window);
    }

    public static FreshnessCheck defaultWindow(Clock clock) {
        return of(clock, DEFAULT_WINDOW);
    }

    /** Accepts any timestamp; for replays of archived payloads, never for a live endpoint. */
    public static FreshnessCheck disabled(Clock clock) {
        return new FreshnessCheck(clock, null);
    }

    public boolean enabled() {
        return window != null;
    }

    /** The window, or {@code null} when disabled. */
    public Duration window() {
        return window;
    }

    public Clock clock() {
        return clock;
    }

    public void check(Instant signedAt) throws WebhookRejectedException {
        if (window == null) {
            return;
        }
        if (signedAt == null) {
            throw new WebhookRejectedException("missing or unreadable signature timestamp");
        }
        Duration skew = Duration.between(signedAt, clock.instant()).abs();
        if (skew.compareTo(window) > 0) {
            throw new WebhookRejectedException("signature timestamp " + signedAt + " is outside the " + window + " window");
        }
    }
}
