package io.distman.account.entity;

import java.time.Duration;

/**
 * How many failed sign-ins a key may have within {@code window} before it is locked; the first lock lasts
 * {@code firstLock}, each further one twice the one before, never longer than {@code longestLock}.
 */
public record ThrottleLimits(int maxFailures, Duration window, Duration firstLock, Duration longestLock) {

    /** The length of the key's {@code locks}-th lock (1 for the first). */
    public Duration lock(int locks) {
        Duration lock = firstLock;
        for (int i = 1; i < locks && lock.compareTo(longestLock) < 0; i++) {
            lock = lock.multipliedBy(2);
        }
        return lock.compareTo(longestLock) > 0 ? longestLock : lock;
    }
}
