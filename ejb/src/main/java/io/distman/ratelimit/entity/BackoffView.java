package io.distman.ratelimit.entity;

import java.io.Serializable;
import java.time.Instant;

/** A domain backed off now: until when and the reply that asked for it. */
public record BackoffView(String domain, Instant until, String reply) implements Serializable {
}
