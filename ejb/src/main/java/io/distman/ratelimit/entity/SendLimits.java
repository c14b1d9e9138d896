package io.distman.ratelimit.entity;

import java.io.Serializable;
import java.util.List;

/** An account's limits as its admin sees them, with the domains backed off right now. */
public record SendLimits(RelayLimits relay, List<DomainLimitView> domains, List<BackoffView> backedOff)
        implements Serializable {
}
