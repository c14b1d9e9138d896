package io.distman.report.boundary;

import io.distman.account.boundary.CurrentUser;
import io.distman.audit.boundary.AuditParameters;
import io.distman.audit.entity.AuditFilter;
import io.distman.report.entity.MonthlyCount;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import org.primefaces.model.charts.bar.BarChartModel;

/**
 * The Monthly counts page: a range of months (default the last twelve), the account's counts per month,
 * status and source module as a table and as a stacked bar chart.
 */
@Named("monthly")
@ViewScoped
public class MonthlyBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    MonthlyCounts report;

    @Inject
    CurrentUser currentUser;

    private YearMonth from;
    private YearMonth to;
    private List<MonthlyCount> rows = List.of();
    private BarChartModel chart;

    @PostConstruct
    void init() {
        to = YearMonth.now(AuditParameters.zone());
        from = to.minusMonths(11);
        search();
    }

    public void search() {
        if (from == null || to == null || to.isBefore(from)) {
            FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    "Months", "Choose a first month that is not after the last."));
            return;
        }
        // Whole days of the audit's zone, as the audit counts them: the report and the audit agree.
        AuditFilter range = AuditParameters.day(from.atDay(1), Set.of()).filter(AuditParameters.zone());
        AuditFilter end = AuditParameters.day(to.atEndOfMonth(), Set.of()).filter(AuditParameters.zone());
        rows = report.counts(currentUser.accountId(), range.from(), end.until());
        chart = MonthlyChart.of(rows, from, to);
    }

    public long getTotal() {
        return rows.stream().mapToLong(MonthlyCount::count).sum();
    }

    public List<MonthlyCount> getRows() { return rows; }
    public BarChartModel getChart() { return chart; }
    public YearMonth getFrom() { return from; }
    public void setFrom(YearMonth from) { this.from = from; }
    public YearMonth getTo() { return to; }
    public void setTo(YearMonth to) { this.to = to; }
}
