package io.distman.feedback.control.webhook;

import java.time.Instant;
import java.util.Objects;

/** A one-time token a request wants to spend, and how long a replay of it must be refused. */
public record TokenClaim(String token, Instant keepUntil) {

    public TokenClaim {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(keepUntil, "keepUntil");
    }
}
