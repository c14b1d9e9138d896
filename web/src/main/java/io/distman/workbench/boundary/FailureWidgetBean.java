package io.distman.workbench.boundary;

import io.distman.account.boundary.CurrentUser;
import io.distman.audit.boundary.AuditParameters;
import io.distman.message.entity.DeliveryStatus;
import io.distman.workbench.entity.FailureCounts;
import io.distman.workbench.entity.WidgetSetting;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

/**
 * Backs the {@code <dm:failureWidget/>} composite: yesterday's counts for the signed-in user's account,
 * each with the Email Audit query that lists exactly those rows. Yesterday is a whole day of the audit's
 * zone and its instant range is the audit's own ({@link AuditParameters#filter}), so a count and the
 * list behind its link never disagree. One query per request, and none while the widget is off.
 */
@Named("failureWidget")
@RequestScoped
public class FailureWidgetBean {

    @EJB
    FailureWidget widget;

    @Inject
    CurrentUser currentUser;

    private WidgetSetting setting;
    private List<Count> counts;

    /** One count as the widget shows it; {@code query} is the audit's query string for it. */
    public record Count(DeliveryStatus status, String label, long count, String query) {

        public String getStyleClass() {
            return "dm-widget-" + status.name().toLowerCase(Locale.ROOT);
        }
    }

    public boolean isEnabled() {
        if (setting == null) {
            setting = widget.setting(currentUser.accountId());
        }
        return setting.enabled();
    }

    public List<Count> getCounts() {
        return counts(false);
    }

    /**
     * @param always true on the module's own start page, which shows yesterday's problems to every agent; the
     *               admins' switch is about the host's workbench page
     */
    public List<Count> counts(boolean always) {
        if (counts == null) {
            counts = always || isEnabled() ? load(yesterday(AuditParameters.zone()), AuditParameters.zone()) : List.of();
        }
        return counts;
    }

    public LocalDate getDay() {
        return yesterday(AuditParameters.zone());
    }

    private List<Count> load(LocalDate day, ZoneId zone) {
        var range = AuditParameters.day(day, EnumSet.copyOf(FailureCounts.STATUSES)).filter(zone);
        FailureCounts found = widget.counts(currentUser.accountId(), range.from(), range.until());
        return FailureCounts.STATUSES.stream().map(status -> new Count(status, status.label(), found.of(status),
                AuditParameters.day(day, EnumSet.of(status)).query())).toList();
    }

    static LocalDate yesterday(ZoneId zone) {
        return LocalDate.now(zone).minusDays(1);
    }
}
