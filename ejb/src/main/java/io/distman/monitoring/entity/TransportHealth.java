package io.distman.monitoring.entity;

import java.time.Instant;

/**
 * What this server's recent sends through one kind of transport (SMTP, MAILGUN) came to: for the operator's
 * health view. {@code lastFailure} is the relay's own reply and may name hosts, so anonymous callers never see it.
 *
 * @param consecutiveFailures temporary failures since the last accepted send: a dead relay or a wrong key fails
 *                            every attempt, a single bad mailbox does not stop the others from succeeding
 */
public record TransportHealth(String transport, PartStatus status, long accepted, long failed, long consecutiveFailures,
                              Instant lastAcceptedAt, Instant lastFailureAt, String lastFailure) {
}
