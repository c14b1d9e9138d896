package io.distman.queue.boundary;

import io.distman.account.boundary.Callers;
import io.distman.audit.boundary.AuditQueries;
import io.distman.audit.entity.AuditFilter;
import io.distman.audit.entity.AuditSort;
import io.distman.dispatch.boundary.DeliveryClaimer;
import io.distman.dispatch.boundary.DispatchService;
import io.distman.message.entity.DeliveryStateException;
import io.distman.message.entity.DeliveryStatus;
import io.distman.message.entity.StatusGroups;
import io.distman.platform.entity.NotFoundException;
import io.distman.queue.control.QueueActions;
import io.distman.ratelimit.boundary.SendBudget;
import io.distman.queue.entity.QueueOutcome.Refusal;
import io.distman.queue.entity.QueueOutcome;
import io.distman.queue.entity.QueueRow;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The Queue: one account's mail that has not gone yet, and what a user may do about it (send now, retry
 * now, cancel), to one delivery or many. Every query and action takes the account first (the screens pass
 * the one they show) and checks the signed-in caller may act for it; the timeline names that caller.
 */
@Stateless
@RolesAllowed("agent") // the Queue and home screens: any signed-in staff
public class EmailQueue {

    private static final Logger LOG = Logger.getLogger(EmailQueue.class.getName());

    @Inject
    AuditQueries queries;

    @EJB
    QueueActions actions;

    @EJB
    DispatchService dispatch;

    @Inject
    Callers callers;

    @EJB
    SendBudget budget;

    /** One page, newest first or by the given sort; {@code statuses} empty means every queued status. */
    public List<QueueRow> page(long accountId, Set<DeliveryStatus> statuses, AuditSort sort, boolean ascending,
                               int first, int size) {
        callers.forAccount(accountId);
        List<QueueRow> rows = queries.page(QueueRow.SELECT, QueueRow.class, accountId,
                filter(statuses).sortedBy(sort, ascending), first, size);
        // A delivery a rate limit holds shows why and until when, in place of its last detail.
        Map<Long, String> held = budget.holds(accountId, rows.stream().map(QueueRow::deliveryId).toList());
        return held.isEmpty() ? rows : rows.stream()
                .map(row -> held.containsKey(row.deliveryId()) ? row.withDetail(held.get(row.deliveryId())) : row).toList();
    }

    /** The exact number of queued deliveries with these statuses (empty: all queued). */
    public long count(long accountId, Set<DeliveryStatus> statuses) {
        callers.forAccount(accountId);
        return queries.count(accountId, filter(statuses));
    }

    private static AuditFilter filter(Set<DeliveryStatus> statuses) {
        return AuditFilter.between(null, null).withStatuses(StatusGroups.within(StatusGroups.QUEUED, statuses));
    }

    /**
     * Claims each delivery now, in its own transaction, and hands the claimed ones to the dispatcher's
     * sender once those have committed, so they leave within seconds instead of at the next sweep.
     * Outside a transaction, so each claim commits before sending starts.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public QueueOutcome sendNow(long accountId, Collection<Long> deliveryIds) {
        String user = callers.forAccount(accountId).actor();
        QueueOutcome outcome = each(deliveryIds, id -> actions.claimNow(accountId, id, user).orElse(null));
        dispatch.sendLater(DeliveryClaimer.userOwner(user), outcome.done());
        return outcome;
    }

    /** Makes each temporary failure due now, in its own transaction. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public QueueOutcome retryNow(long accountId, Collection<Long> deliveryIds) {
        String user = callers.forAccount(accountId).actor();
        return each(deliveryIds, id -> {
            actions.retryNow(accountId, id, user);
            return null;
        });
    }

    /** Cancels each delivery that has not gone yet, in its own transaction. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public QueueOutcome cancel(long accountId, Collection<Long> deliveryIds) {
        String user = callers.forAccount(accountId).actor();
        return each(deliveryIds, id -> {
            actions.cancel(accountId, id, user);
            return null;
        });
    }

    /** One delivery's action: null when done, else why not (a refusal may also be thrown). */
    private interface Action {
        String apply(long deliveryId);
    }

    private static QueueOutcome each(Collection<Long> deliveryIds, Action action) {
        List<Long> done = new ArrayList<>();
        List<Refusal> refused = new ArrayList<>();
        for (Long id : deliveryIds.stream().distinct().toList()) {
            String reason;
            try {
                reason = action.apply(id);
            } catch (DeliveryStateException | NotFoundException e) {
                reason = e.getMessage();
            } catch (EJBException e) {
                // A database fault on one delivery (a lock timeout, say) must not stop the others.
                LOG.log(Level.WARNING, "Queue action on delivery " + id + " failed", e);
                reason = "failed, try again";
            }
            if (reason == null) {
                done.add(id);
            } else {
                refused.add(new Refusal(id, reason));
            }
        }
        return new QueueOutcome(done, refused);
    }
}
