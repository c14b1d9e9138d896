package io.distman.ratelimit.control;

import io.distman.message.entity.Delivery;
import io.distman.message.entity.DeliveryStatus;
import io.distman.platform.boundary.Settings;
import io.distman.ratelimit.entity.DeliveryHold;
import io.distman.ratelimit.entity.DomainBackoff;
import io.distman.ratelimit.entity.DomainLimit;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Decides, inside a claim's transaction, which claimed deliveries may go now under their account's domain
 * limits and back-offs, and holds the others: each gets a slot of a later window reserved (so the backlog is
 * spread over the windows and every held delivery is touched once, not at every window) and its next attempt
 * set to that slot, with a hold row saying why. A held delivery keeps its status and attempt count.
 */
@Dependent
public class DomainAdmission {

    /** How far ahead slots are reserved; a backlog beyond it waits there and is spread again then. */
    static final Duration DEFAULT_HORIZON = Duration.ofDays(7);

    @PersistenceContext(unitName = "distman")
    EntityManager em;

    @Inject
    WindowCounters counters;

    @Inject
    HoldWording wording;

    /** @return the deliveries that may be sent now, in the order given */
    public List<Delivery> admit(List<Delivery> claimed, Instant now) {
        if (claimed.isEmpty()) {
            return claimed;
        }
        Map<Long, DeliveryHold> holds = em.createNamedQuery(DeliveryHold.OF_DELIVERIES, DeliveryHold.class)
                .setParameter("ids", claimed.stream().map(Delivery::getId).toList()).getResultStream()
                .collect(Collectors.toMap(DeliveryHold::getDeliveryId, Function.identity()));
        Set<Delivery> held = new java.util.HashSet<>();
        for (Map.Entry<Long, List<Delivery>> account : claimed.stream()
                .collect(Collectors.groupingBy(Delivery::getAccountId, LinkedHashMap::new, Collectors.toList())).entrySet()) {
            held.addAll(admitAccount(account.getKey(), account.getValue(), holds, now));
        }
        List<Delivery> admitted = new ArrayList<>();
        for (Delivery delivery : claimed) {
            if (!held.contains(delivery)) {
                admitted.add(delivery);
                DeliveryHold hold = holds.get(delivery.getId());
                if (hold != null) {
                    em.remove(hold);
                }
            }
        }
        return admitted;
    }

    private Set<Delivery> admitAccount(long accountId, List<Delivery> deliveries, Map<Long, DeliveryHold> holds,
                                       Instant now) {
        Map<String, List<Delivery>> byDomain = new LinkedHashMap<>();
        for (Delivery delivery : deliveries) {
            String domain = LimitInputs.normalised(delivery.getDomain());
            // A SENDING one is a crashed claim's, counted when it was first taken: holding it would leave it SENDING.
            if (domain != null && delivery.getStatus() != DeliveryStatus.SENDING) {
                byDomain.computeIfAbsent(domain, d -> new ArrayList<>()).add(delivery);
            }
        }
        if (byDomain.isEmpty()) {
            return Set.of();
        }
        Map<String, DomainLimit> limits = em.createNamedQuery(DomainLimit.FOR_DOMAINS, DomainLimit.class)
                .setParameter("accountId", accountId).setParameter("domains", List.copyOf(byDomain.keySet()))
                .getResultStream().collect(Collectors.toMap(DomainLimit::getDomain, Function.identity()));
        Map<String, DomainBackoff> backoffs = em.createNamedQuery(DomainBackoff.FOR_DOMAINS, DomainBackoff.class)
                .setParameter("accountId", accountId).setParameter("domains", List.copyOf(byDomain.keySet()))
                .setParameter("now", now)
                .getResultStream().collect(Collectors.toMap(DomainBackoff::getDomain, Function.identity()));
        Set<Delivery> held = new java.util.HashSet<>();
        for (Map.Entry<String, List<Delivery>> domain : byDomain.entrySet()) {
            DomainBackoff backoff = backoffs.get(domain.getKey());
            if (backoff != null) {
                for (Delivery delivery : domain.getValue()) {
                    hold(delivery, holds, backoff.getUntil(), false, wording.backedOff(backoff));
                    held.add(delivery);
                }
                continue;
            }
            DomainLimit limit = limits.get(domain.getKey());
            if (limit != null) {
                held.addAll(admitDomain(accountId, limit, domain.getValue(), holds, now));
            }
        }
        return held;
    }

    private List<Delivery> admitDomain(long accountId, DomainLimit limit, List<Delivery> deliveries,
                                       Map<Long, DeliveryHold> holds, Instant now) {
        List<Delivery> held = new ArrayList<>();
        List<Delivery> toCount = new ArrayList<>();
        for (Delivery delivery : deliveries) {
            DeliveryHold hold = holds.get(delivery.getId());
            if (hold == null || !hold.isReserved()) {
                toCount.add(delivery);
            } else if (hold.getUntil().isAfter(now)) {
                delivery.released(hold.getUntil()); // made due early (by hand): its slot is still the reserved one
                held.add(delivery);
            } // else: its reserved slot has come, counted already
        }
        if (toCount.isEmpty()) {
            return held;
        }
        WindowedLimit window = new WindowedLimit(limit.getRecipientsPerHour(), period());
        // Lanes within the limit: transactional and essential mail first, and bulk mail never takes the last share
        // of a window, so a bulk backlog reserved days ahead leaves room for them in every window.
        held.addAll(place(accountId, limit, window, toCount.stream().filter(d -> !d.isBulk()).toList(), window.quota(), holds, now));
        held.addAll(place(accountId, limit, window, toCount.stream().filter(Delivery::isBulk).toList(),
                bulkQuota(window.quota()), holds, now));
        return held;
    }

    /** Of a window's quota, what bulk mail may use: all but a fifth (at least one), and at least one itself. */
    static int bulkQuota(int quota) {
        return quota == 1 ? 1 : quota - Math.max(1, quota / 5);
    }

    /** Takes what the current window has for these, reserves later slots for the rest. @return the held ones */
    private List<Delivery> place(long accountId, DomainLimit limit, WindowedLimit window, List<Delivery> deliveries,
                                 int quota, Map<Long, DeliveryHold> holds, Instant now) {
        List<Delivery> held = new ArrayList<>();
        if (deliveries.isEmpty()) {
            return held;
        }
        String scope = scope(accountId, limit.getDomain());
        Instant current = window.windowStart(now);
        int granted = counters.take(scope, current, deliveries.size(), quota);
        Iterator<Delivery> waiting = deliveries.subList(granted, deliveries.size()).iterator();
        int left = deliveries.size() - granted;
        if (left == 0) {
            return held;
        }
        Instant horizon = now.plus(Settings.duration("distman.limits.horizon", DEFAULT_HORIZON));
        Map<Instant, Integer> used = counters.usedFrom(scope, window.nextWindow(current));
        for (Instant slot = window.nextWindow(current); waiting.hasNext(); slot = window.nextWindow(slot)) {
            if (slot.isAfter(horizon)) {
                // Nothing free this far ahead: wait there without a slot, and be spread again then.
                while (waiting.hasNext()) {
                    Delivery delivery = waiting.next();
                    hold(delivery, holds, slot, false, wording.limited(limit, slot));
                    held.add(delivery);
                }
                break;
            }
            if (used.getOrDefault(slot, 0) >= quota) {
                continue;
            }
            int reserved = counters.take(scope, slot, left, quota);
            left -= reserved;
            for (int i = 0; i < reserved; i++) {
                Delivery delivery = waiting.next();
                hold(delivery, holds, slot, true, wording.limited(limit, slot));
                held.add(delivery);
            }
        }
        return held;
    }

    private void hold(Delivery delivery, Map<Long, DeliveryHold> holds, Instant until, boolean reserved, String detail) {
        delivery.released(until);
        DeliveryHold hold = holds.get(delivery.getId());
        if (hold == null) {
            hold = new DeliveryHold(delivery.getId(), delivery.getAccountId());
            hold.hold(until, reserved, detail);
            em.persist(hold);
            holds.put(delivery.getId(), hold);
        } else {
            hold.hold(until, reserved, detail);
        }
    }

    /** The period a domain's recipients limit counts over: an hour (shorter only in tests, which cannot wait one). */
    public static Duration period() {
        return Settings.duration("distman.limits.domainPeriod", Duration.ofHours(1));
    }

    public static String scope(long accountId, String domain) {
        return "domain:" + accountId + ":" + domain;
    }
}
