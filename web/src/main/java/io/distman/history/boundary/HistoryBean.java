package io.distman.history.boundary;

import io.distman.account.boundary.CurrentUser;
import io.distman.audit.boundary.AuditColumns;
import io.distman.audit.boundary.AuditParameters;
import io.distman.audit.boundary.CountedRows;
import io.distman.audit.boundary.EmailAudit;
import io.distman.audit.entity.AuditFilter;
import io.distman.audit.entity.AuditRow;
import io.distman.audit.entity.AuditSort;
import io.distman.message.entity.DeliveryStatus;
import io.distman.message.entity.StatusGroups;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The History page: what has gone (handed over, and what came back), newest first, over a date range
 * that defaults to the last 30 days. It is the Email Audit's query with the statuses fixed to
 * {@link StatusGroups#SENT}, so it pages and counts as fast as the audit does at any range.
 */
@Named("history")
@ViewScoped
public class HistoryBean implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The default range: today and the 29 days before it. */
    static final int DEFAULT_DAYS = 30;

    @EJB
    EmailAudit audit;

    @Inject
    CurrentUser currentUser;

    private LocalDate to = LocalDate.now(zone());
    private LocalDate from = to.minusDays(DEFAULT_DAYS - 1L);
    private DeliveryStatus[] statuses = new DeliveryStatus[0];
    /** Each page and the exact count are queries of the signed-in user's account; always newest first. */
    private final CountedRows<AuditRow> rows = new CountedRows<>(() -> List.of(currentUser.accountId(), filter()),
            () -> audit.count(currentUser.accountId(), filter()),
            (first, size, sort) -> audit.page(currentUser.accountId(), filter(), first, size), AuditRow::deliveryId);

    public void search() {
        rows.restart(":history:rows");
        CountedRows.warnIfReversed(from, to);
    }

    /** The sent statuses picked (none: all of them) over whole days of the range, newest first. */
    AuditFilter filter() {
        LocalDate end = to == null ? LocalDate.now(zone()) : to;
        LocalDate start = from == null ? end.minusDays(DEFAULT_DAYS - 1L) : from;
        Set<DeliveryStatus> picked = statuses.length == 0 ? Set.of() : EnumSet.copyOf(List.of(statuses));
        return new AuditParameters(null, StatusGroups.within(StatusGroups.SENT, picked), null, start,
                end.isBefore(start) ? start : end, AuditSort.CREATED, false).filter(zone());
    }

    public List<DeliveryStatus> getSentStatuses() {
        return List.copyOf(EnumSet.copyOf(StatusGroups.SENT));
    }

    public String time(Instant at) {
        return AuditColumns.time(at, zone());
    }

    private static ZoneId zone() {
        return ZoneId.systemDefault();
    }

    public CountedRows<AuditRow> getRows() { return rows; }
    public LocalDate getFrom() { return from; }
    public void setFrom(LocalDate from) { this.from = from; }
    public LocalDate getTo() { return to; }
    public void setTo(LocalDate to) { this.to = to; }
    /** An array, not a List: Faces converts the checkbox values to the enum only for arrays. */
    public DeliveryStatus[] getStatuses() { return statuses; }
    public void setStatuses(DeliveryStatus[] statuses) { this.statuses = statuses == null ? new DeliveryStatus[0] : statuses; }
}
