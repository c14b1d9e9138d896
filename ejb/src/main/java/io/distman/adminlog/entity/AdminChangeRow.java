package io.distman.adminlog.entity;

import java.time.Instant;

/** An admin log entry as the screens and the REST API show it. */
public record AdminChangeRow(long id, Long accountId, Instant occurredAt, String actor, String action, String subject,
                             String before, String after) {

    public static AdminChangeRow of(AdminChange c) {
        return new AdminChangeRow(c.getId(), c.getAccountId(), c.getOccurredAt(), c.getActor(), c.getAction(),
                c.getSubject(), c.getBefore(), c.getAfter());
    }
}
