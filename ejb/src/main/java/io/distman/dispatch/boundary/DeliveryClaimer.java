package io.distman.dispatch.boundary;

import io.distman.message.boundary.DeliveryStatusRecorder;
import io.distman.message.entity.Category;
import io.distman.message.entity.Delivery;
import io.distman.message.entity.DeliveryStatus;
import io.distman.message.entity.Priority;
import io.distman.message.entity.StatusChange;
import io.distman.platform.boundary.SchemaMigration;
import io.distman.preference.boundary.Preferences;
import io.distman.preference.entity.OptOutsElsewhere;
import io.distman.preference.entity.RecipientPreference;
import io.distman.preference.entity.Treatment;
import io.distman.ratelimit.boundary.SendBudget;
import io.distman.suppression.boundary.SuppressionList;
import io.distman.suppression.entity.Suppression;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Takes a block of due deliveries for one dispatcher with a lease, so that dispatchers on several
 * servers never send the same delivery and a crashed one's deliveries are taken over once its lease
 * runs out. Must run in a transaction of its own that commits before sending starts.
 *
 * <p>On PostgreSQL the rows are picked with {@code FOR UPDATE SKIP LOCKED}: concurrent claimers
 * skip each other's rows instead of waiting. Elsewhere the portable claim picks candidates and takes
 * each with a conditional update, which only one claimer can win.
 */
@Dependent
public class DeliveryClaimer {

    static final List<DeliveryStatus> CLAIMABLE = List.of(DeliveryStatus.PENDING, DeliveryStatus.SCHEDULED,
            DeliveryStatus.SENDING, DeliveryStatus.TEMPORARY_FAILURE);

    @PersistenceContext(unitName = "distman")
    EntityManager em;

    @EJB
    SchemaMigration database;

    @Inject
    DeliveryStatusRecorder statuses;

    @Inject
    SuppressionList suppressions;

    @Inject
    Preferences preferences;

    /** Asked per block before sending; serial mail answers for its contacts' opt-outs in the host's directory. */
    @Inject
    Event<OptOutsElsewhere> optOutsElsewhere;

    @Inject
    Clock clock;

    @EJB
    SendBudget budget;

    /** @return the claimed deliveries, now SENDING and leased to {@code owner} */
    public List<Delivery> claim(String owner, Collection<Priority> priorities, int limit, Duration lease) {
        Instant now = clock.instant();
        List<Delivery> admitted;
        do {
            List<Long> ids = database.isPostgreSql() ? skipLocked(priorities, limit, now) : portable(owner, priorities, limit, now, lease);
            if (ids.isEmpty()) {
                return List.of();
            }
            List<Delivery> claimed = em.createNamedQuery(Delivery.WITH_MESSAGE, Delivery.class).setParameter("ids", ids)
                    .getResultList();
            // Over a rate limit: held (next attempt at its slot, no attempt counted). A block held whole must not
            // end the run while other mail is due, so claim on; held rows are no longer due once flushed.
            admitted = budget.admit(claimed, now);
            em.flush();
        } while (admitted.isEmpty());
        return lease(owner, admitted, now, lease, "DISPATCH", "");
    }

    /**
     * A user's "send now": claims one delivery the caller has locked in its transaction and found
     * {@link #claimable}, with the same lease, suppression re-check and SENDING event as a sweep, so the
     * sweep and the send-now can never both send it and a crash mid-send is recovered the same way.
     *
     * The account's domain limits and back-offs hold for it as for a sweep: a button does not make a receiving
     * domain accept more, so over a limit the delivery is held at its slot (it keeps its status and attempts).
     *
     * @return the delivery when it is to be sent; empty when it is held by a limit (still queued, with a hold) or
     * turned out suppressed, opted out or held for a digest (now in that status)
     */
    public List<Delivery> claimLocked(String user, Delivery delivery, Duration lease) {
        Instant now = clock.instant();
        if (budget.admit(List.of(delivery), now).isEmpty()) {
            em.flush();
            return List.of();
        }
        // The owner names the user, so the SENDING event of the timeline says who pressed the button.
        return lease(userOwner(user), List.of(delivery), now, lease, "USER", " (send now)");
    }

    /** The claimant a user's send-now leases to: the SENDING event says who pressed the button. */
    public static String userOwner(String user) {
        return "user:" + user;
    }

    /** Whether a dispatcher may take the delivery now: queued or retrying, and nobody holds a live lease. */
    public static boolean claimable(Delivery delivery, Instant now) {
        return CLAIMABLE.contains(delivery.getStatus())
                && (delivery.getLeaseUntil() == null || delivery.getLeaseUntil().isBefore(now));
    }

    private List<Delivery> lease(String owner, List<Delivery> claimed, Instant now, Duration lease, String source,
                                 String why) {
        Map<Delivery, StatusChange> changes = new LinkedHashMap<>();
        List<Delivery> toSend = new ArrayList<>();
        for (Map.Entry<Scope, List<Delivery>> scope : claimed.stream()
                .collect(Collectors.groupingBy(d -> new Scope(d.getAccountId(), d.getMessage().getCategory()))).entrySet()) {
            List<String> addresses = scope.getValue().stream().map(Delivery::getAddress).toList();
            Map<String, Suppression> suppressed = suppressions.activeFor(scope.getKey().accountId(), addresses,
                    scope.getKey().category(), now);
            // Preferences may have changed since submission; TRANSACTIONAL mail is not subject to them (no look-up).
            boolean transactional = scope.getKey().category() == Category.TRANSACTIONAL;
            Map<String, RecipientPreference> prefs = transactional ? Map.of()
                    : preferences.of(scope.getKey().accountId(), addresses);
            // So may an opt-out kept elsewhere (a serial mailing's contact in the host's directory).
            OptOutsElsewhere elsewhere = new OptOutsElsewhere(transactional ? List.of() : scope.getValue());
            if (!transactional) {
                optOutsElsewhere.fire(elsewhere);
            }
            for (Delivery delivery : scope.getValue()) {
                delivery.claimed(owner, now.plus(lease));
                String address = delivery.getAddress().toLowerCase(Locale.ROOT);
                Suppression suppression = suppressed.get(address);
                Optional<String> optedOutWhere = elsewhere.whereOptedOut(delivery.getId());
                Treatment treatment = Treatment.of(prefs.get(address), optedOutWhere.isPresent(),
                        delivery.getMessage().getCategory(), delivery.getMessage().getPriority());
                if (treatment == Treatment.OPTED_OUT || treatment == Treatment.HOLD_FOR_DIGEST) {
                    boolean optedOut = treatment == Treatment.OPTED_OUT;
                    String optOut = optedOutWhere.map(where -> "recipient opted out " + where + " before sending")
                            .orElse("recipient opted out of non-essential mail before sending");
                    changes.put(delivery, StatusChange.of(optedOut ? DeliveryStatus.OPTED_OUT : DeliveryStatus.PENDING_DIGEST,
                            now, source, (optedOut ? optOut : "held for the recipient's digest, chosen before sending") + why,
                            "preference:" + delivery.getId() + ":" + delivery.getAttempts()));
                    delivery.released(null);
                } else if (suppression != null) {
                    // Suppressed since it was queued (a bounce or complaint in between): don't send.
                    changes.put(delivery, StatusChange.of(DeliveryStatus.SUPPRESSED, now, source,
                            "address was suppressed before sending (" + suppression.getReason() + ")" + why,
                            "suppressed:" + delivery.getId() + ":" + delivery.getAttempts()));
                    delivery.released(null);
                } else {
                    String override = treatment == Treatment.SEND_OVERRIDING_OPT_OUT ? "; " + Treatment.overrideNote(
                            delivery.getMessage().getEssentialBy(), delivery.getRaisedBy(),
                            delivery.getMessage().getEssentialReason()) : "";
                    changes.put(delivery, StatusChange.of(DeliveryStatus.SENDING, now, source,
                            "attempt " + delivery.getAttempts() + " by " + owner + why + override,
                            "claim:" + delivery.getId() + ":" + delivery.getAttempts()));
                    toSend.add(delivery);
                }
            }
        }
        statuses.recordFresh(changes.entrySet());
        return toSend;
    }

    /** Suppressions are looked up per account and category (an unsubscribe covers only BULK mail). */
    private record Scope(long accountId, Category category) {
    }

    private List<Long> skipLocked(Collection<Priority> priorities, int limit, Instant now) {
        // Literal enum names keep the IN lists identical to the partial index delivery_due's predicate.
        String sql = "SELECT id FROM delivery WHERE status IN (" + literals(CLAIMABLE) + ")"
                + " AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until < ?)"
                + " AND priority IN (" + literals(priorities) + ")"
                + " ORDER BY priority DESC, bulk, next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED"; // lanes: BULK last
        @SuppressWarnings("unchecked")
        List<Number> rows = em.createNativeQuery(sql)
                .setParameter(1, java.sql.Timestamp.from(now))
                .setParameter(2, java.sql.Timestamp.from(now))
                .setParameter(3, limit)
                .getResultList();
        return rows.stream().map(Number::longValue).toList();
    }

    private List<Long> portable(String owner, Collection<Priority> priorities, int limit, Instant now, Duration lease) {
        // The embedded Derby (first run, demo) has no SKIP LOCKED: two partitions taking leases row by row while
        // the other reads its block deadlocked (Derby picks a victim, the partition fails and the batch job then
        // waited a minute on its own repository; seen in CI). Claims are serialised there instead: they last
        // milliseconds, and the table lock is released when the claim commits, before anything is sent.
        em.createNativeQuery("LOCK TABLE delivery IN EXCLUSIVE MODE").executeUpdate();
        // Ask for more than needed: some candidates may be won by a concurrent claimer.
        List<Long> candidates = em.createNamedQuery(Delivery.CLAIM_CANDIDATES, Long.class)
                .setParameter("claimable", CLAIMABLE)
                .setParameter("now", now)
                .setParameter("priorities", List.copyOf(priorities))
                .setMaxResults(limit * 2)
                .getResultList();
        List<Long> won = new ArrayList<>();
        for (Long id : candidates) {
            if (won.size() == limit) {
                break;
            }
            int taken = em.createNamedQuery(Delivery.TAKE_LEASE)
                    .setParameter("owner", owner)
                    .setParameter("leaseUntil", now.plus(lease))
                    .setParameter("id", id)
                    .setParameter("claimable", CLAIMABLE)
                    .setParameter("now", now)
                    .executeUpdate();
            if (taken == 1) {
                won.add(id);
            }
        }
        return won;
    }

    private static String literals(Collection<? extends Enum<?>> values) {
        return values.stream().map(v -> "'" + v.name() + "'").collect(Collectors.joining(","));
    }
}
