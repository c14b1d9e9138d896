package io.distman.account.control;

import io.distman.account.entity.ThrottleKind;
import io.distman.account.entity.ThrottleLimits;
import io.distman.platform.boundary.Settings;
import java.time.Duration;

/**
 * The sign-in throttle's settings (system properties, read on each attempt): per username
 * {@code distman.signIn.maxFailures} (5) within {@code distman.signIn.window} (15 minutes), per client address
 * {@code distman.signIn.maxAddressFailures} (20, an office shares one address); the first lock lasts
 * {@code distman.signIn.lock} (1 minute), each further one twice as long, at most {@code distman.signIn.longestLock}
 * (1 hour).
 */
public final class SignInSettings {

    private SignInSettings() {
    }

    public static ThrottleLimits limits(ThrottleKind kind) {
        int max = (int) (kind == ThrottleKind.USER ? Settings.longValue("distman.signIn.maxFailures", 5)
                : Settings.longValue("distman.signIn.maxAddressFailures", 20));
        return new ThrottleLimits(Math.max(1, max), Settings.duration("distman.signIn.window", Duration.ofMinutes(15)),
                Settings.duration("distman.signIn.lock", Duration.ofMinutes(1)),
                Settings.duration("distman.signIn.longestLock", Duration.ofHours(1)));
    }
}
