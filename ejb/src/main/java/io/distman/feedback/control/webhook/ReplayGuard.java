package io.distman.feedback.control.webhook;

import java.time.Instant;

/**
 * Remembers one-time tokens so that a captured, validly signed request cannot be sent again.
 * The application backs this with its database so that all nodes share it.
 */
@FunctionalInterface
public interface ReplayGuard {

    /**
     * Records {@code token} until {@code keepUntil}.
     *
     * @return {@code true} if the token was not seen before (or its earlier record has expired);
     *         {@code false} if this is a replay
     */
    boolean claim(String token, Instant keepUntil);

    /** Remembers nothing; only for archived payloads that are replayed on purpose. */
    static ReplayGuard disabled() {
        return (token, keepUntil) -> true;
    }
}
