package io.distman.message.entity;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** Which statuses each screen lists: the Queue what has not gone yet, History what has gone. */
public final class StatusGroups {

    /** Not gone yet: waiting, being sent, or waiting to be retried (the Queue). */
    public static final Set<DeliveryStatus> QUEUED = Collections.unmodifiableSet(EnumSet.of(DeliveryStatus.PENDING,
            DeliveryStatus.SCHEDULED, DeliveryStatus.SENDING, DeliveryStatus.TEMPORARY_FAILURE,
            DeliveryStatus.PENDING_DIGEST));

    /**
     * Gone, for good or ill (History): handed to the provider and what came back. REJECTED belongs here
     * although it was never handed over: it is the answer to "did it go?" that the agent must see.
     */
    public static final Set<DeliveryStatus> SENT = Collections.unmodifiableSet(EnumSet.of(DeliveryStatus.ACCEPTED,
            DeliveryStatus.DELIVERED, DeliveryStatus.OPENED, DeliveryStatus.CLICKED, DeliveryStatus.FAILED,
            DeliveryStatus.COMPLAINED, DeliveryStatus.UNSUBSCRIBED, DeliveryStatus.REJECTED,
            DeliveryStatus.PRINTED)); // PRINTED: it went, by post

    /**
     * The statuses of {@code group} the user picked; none picked (or only ones outside the group, which a
     * forged request might send) means the whole group, so a screen can never list beyond its group.
     */
    public static Set<DeliveryStatus> within(Set<DeliveryStatus> group, Set<DeliveryStatus> picked) {
        EnumSet<DeliveryStatus> chosen = EnumSet.noneOf(DeliveryStatus.class);
        chosen.addAll(group);
        if (picked != null && !picked.isEmpty()) {
            chosen.retainAll(picked);
        }
        return chosen.isEmpty() ? EnumSet.copyOf(group) : chosen;
    }

    private StatusGroups() {
    }
}
