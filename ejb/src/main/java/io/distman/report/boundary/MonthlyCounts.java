package io.distman.report.boundary;

import io.distman.account.boundary.Callers;
import io.distman.message.entity.Delivery;
import io.distman.message.entity.DeliveryStatus;
import io.distman.report.entity.MonthlyCount;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;

/** The Monthly counts report: the account's deliveries per month, status and source module, counted by the database. */
@Stateless
@RolesAllowed("agent") // /app/reports/monthly.xhtml: any signed-in staff, for an account they may act for
public class MonthlyCounts {

    @PersistenceContext(unitName = "distman")
    EntityManager em;

    @Inject
    Callers callers;

    /** Deliveries created in [{@code from}, {@code until}), oldest month first, then by source and status. */
    public List<MonthlyCount> counts(long accountId, Instant from, Instant until) {
        callers.forAccount(accountId);
        return em.createNamedQuery(Delivery.MONTHLY_COUNTS, Object[].class).setParameter("account", accountId)
                .setParameter("from", from).setParameter("until", until).getResultStream()
                .map(row -> new MonthlyCount(YearMonth.of(((Number) row[0]).intValue(), ((Number) row[1]).intValue()),
                        (DeliveryStatus) row[2], (String) row[3], ((Number) row[4]).longValue()))
                .sorted(Comparator.comparing(MonthlyCount::month).thenComparing(MonthlyCount::source)
                        .thenComparing(MonthlyCount::status))
                .toList();
    }
}
