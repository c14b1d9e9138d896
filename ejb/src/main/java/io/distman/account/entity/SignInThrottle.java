package io.distman.account.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * The failed sign-ins of one username or client address (see V20_1): counted in a window, and a lock once
 * there were too many. Locks grow while failures go on; a day without failures forgets them.
 */
@Entity
@Table(name = "sign_in_throttle")
@NamedQuery(name = SignInThrottle.PURGE, query = "DELETE FROM SignInThrottle t WHERE t.lastFailure < :before"
        + " AND (t.lockedUntil IS NULL OR t.lockedUntil < :before)")
public class SignInThrottle {

    public static final String PURGE = "SignInThrottle.purge";

    /** After this long without a failure the key starts afresh, with a short first lock again. */
    public static final Duration MEMORY = Duration.ofDays(1);

    @Id
    @Column(name = "throttle_key", length = 64)
    private String key;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private ThrottleKind kind;

    @Column(nullable = false)
    private int failures;

    @Column(name = "window_start", nullable = false)
    private Instant windowStart;

    @Column(nullable = false)
    private int locks;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    @Column(name = "last_failure", nullable = false)
    private Instant lastFailure;

    protected SignInThrottle() {
    }

    public SignInThrottle(String key, ThrottleKind kind, Instant now) {
        this.key = key;
        this.kind = kind;
        this.windowStart = now;
        this.lastFailure = now;
    }

    /** @return whether sign-ins for this key are refused at {@code now} */
    public boolean lockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    public Instant getLockedUntil() { return lockedUntil; }
    public ThrottleKind getKind() { return kind; }
    public int getFailures() { return failures; }
    public int getLocks() { return locks; }

    /** Counts a failure at {@code now}; the one that reaches the limit locks the key. */
    public void failed(Instant now, ThrottleLimits limits) {
        if (now.isAfter(lastFailure.plus(MEMORY))) {
            locks = 0;
        }
        if (!now.isBefore(windowStart.plus(limits.window()))) {
            windowStart = now;
            failures = 0;
        }
        lastFailure = now;
        failures++;
        if (failures >= limits.maxFailures()) {
            locks++;
            lockedUntil = now.plus(limits.lock(locks));
            windowStart = now;
            failures = 0;
        }
    }
}
