package io.distman.home.boundary;

import io.distman.account.boundary.CurrentUser;
import io.distman.audit.boundary.AuditColumns;
import io.distman.audit.boundary.AuditParameters;
import io.distman.audit.boundary.EmailAudit;
import io.distman.audit.entity.AuditRow;
import io.distman.audit.entity.AuditSort;
import io.distman.message.entity.DeliveryStatus;
import io.distman.queue.boundary.EmailQueue;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Backs the start page: the signed-in user's account's queue counted per status, and its latest failures.
 * Every number and row is a query of {@link CurrentUser#accountId()} through the Queue's and the Email
 * Audit's EJBs, the same ones (and indexes) those screens use, so the start page and the screen behind a
 * link always agree. Request scoped: each visit reads afresh.
 */
@Named("home")
@RequestScoped
public class HomeBean {

    /** The queue's statuses in the order an agent reads them: waiting, later, going, retrying, held. */
    static final List<DeliveryStatus> QUEUE = List.of(DeliveryStatus.PENDING, DeliveryStatus.SCHEDULED,
            DeliveryStatus.SENDING, DeliveryStatus.TEMPORARY_FAILURE, DeliveryStatus.PENDING_DIGEST);

    /** What the failures list shows: mail that did not reach its recipient and needs an agent. */
    static final Set<DeliveryStatus> FAILURES = EnumSet.of(DeliveryStatus.FAILED, DeliveryStatus.REJECTED,
            DeliveryStatus.EMAIL_MISSING, DeliveryStatus.COMPLAINED);

    /** How far back the failures list looks, in days including today, and how many rows it shows. */
    static final int FAILURE_DAYS = 7;
    static final int FAILURE_ROWS = 10;

    @EJB
    EmailQueue queue;

    @EJB
    EmailAudit audit;

    @Inject
    CurrentUser currentUser;

    private List<QueueCount> queueCounts;
    private List<AuditRow> failures;

    /** One status of the queue with how many of the account's emails are in it. */
    public record QueueCount(DeliveryStatus status, long count) {
    }

    public List<QueueCount> getQueueCounts() {
        if (queueCounts == null) {
            long account = currentUser.accountId();
            queueCounts = QUEUE.stream().map(s -> new QueueCount(s, queue.count(account, EnumSet.of(s)))).toList();
        }
        return queueCounts;
    }

    public long getQueueTotal() {
        return getQueueCounts().stream().mapToLong(QueueCount::count).sum();
    }

    /** The newest failures of the last {@value #FAILURE_DAYS} days, at most {@value #FAILURE_ROWS}. */
    public List<AuditRow> getFailures() {
        if (failures == null) {
            failures = audit.page(currentUser.accountId(), failureRange().filter(AuditParameters.zone()), 0, FAILURE_ROWS);
        }
        return failures;
    }

    /** The Email Audit with exactly the failures list's filter, to see all of them. */
    public String getFailuresQuery() {
        return failureRange().query();
    }

    public int getFailureDays() {
        return FAILURE_DAYS;
    }

    public String time(Instant at) {
        return AuditColumns.time(at, AuditParameters.zone());
    }

    private static AuditParameters failureRange() {
        LocalDate today = LocalDate.now(AuditParameters.zone());
        return new AuditParameters(null, FAILURES, null, today.minusDays(FAILURE_DAYS - 1L), today, AuditSort.CREATED, false);
    }
}
