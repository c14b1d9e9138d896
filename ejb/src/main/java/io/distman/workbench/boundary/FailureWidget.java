package io.distman.workbench.boundary;

import io.distman.account.boundary.AccountService;
import io.distman.account.boundary.Callers;
import io.distman.account.entity.Caller;
import io.distman.account.entity.UserProfile;
import io.distman.account.entity.UserRole;
import io.distman.adminlog.boundary.AdminLog;
import io.distman.message.entity.Delivery;
import io.distman.message.entity.DeliveryStatus;
import io.distman.workbench.entity.FailureCounts;
import io.distman.workbench.entity.WidgetSetting;
import io.distman.workbench.entity.WorkbenchSettings;
import io.distman.workbench.entity.WorkbenchSettingRefusedException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The workbench's failure widget: whether an account shows it (its admins decide), and its counts of
 * failed, complained, rejected and unsubscribed deliveries of a day, in one indexed query. Every method checks
 * that the signed-in caller may act for the account it is given.
 */
@Stateless
@RolesAllowed("agent") // the workbench and home screens show it to any signed-in staff; switching it: admin, below
public class FailureWidget {

    private static final Logger LOG = Logger.getLogger(FailureWidget.class.getName());

    @PersistenceContext(unitName = "distman")
    EntityManager em;

    @EJB
    AccountService accounts;

    @Inject
    Clock clock;

    @Inject
    Callers callers;

    @EJB
    AdminLog adminLog;

    /**
     * The account's counts per status of deliveries created in [{@code from}, {@code until}); the caller
     * passes the day range the Email Audit uses, so a count and the audit list behind its link agree.
     */
    public FailureCounts counts(long accountId, Instant from, Instant until) {
        callers.forAccount(accountId);
        Map<DeliveryStatus, Long> counts = new EnumMap<>(DeliveryStatus.class);
        for (Object[] row : em.createNamedQuery(Delivery.FAILURE_COUNTS, Object[].class)
                .setParameter("account", accountId).setParameter("statuses", FailureCounts.STATUSES)
                .setParameter("from", from).setParameter("until", until).getResultList()) {
            counts.put((DeliveryStatus) row[0], ((Number) row[1]).longValue());
        }
        return new FailureCounts(from, until, counts);
    }

    public WidgetSetting setting(long accountId) {
        callers.forAccount(accountId);
        WorkbenchSettings settings = em.find(WorkbenchSettings.class, accountId);
        return settings == null ? WidgetSetting.off(accountId) : settings.view();
    }

    /**
     * Switches the widget on or off for the account, as the signed-in caller, and records it in the admin log
     * in the same transaction.
     *
     * @throws WorkbenchSettingRefusedException unless the caller is (still: the role is the sign-in's, the row
     *         is now's) an admin of that very account — not agents, support, or admins of other accounts
     */
    @RolesAllowed("admin") // /app/admin/settings.xhtml
    public WidgetSetting enable(long accountId, boolean enabled) {
        Caller caller = callers.forAccount(accountId);
        String username = caller.principal();
        UserProfile user = accounts.profile(username)
                .orElseThrow(() -> new WorkbenchSettingRefusedException("no user " + username));
        if (user.role() != UserRole.ADMIN || user.home().id() != accountId) {
            throw new WorkbenchSettingRefusedException("only an admin of account " + accountId
                    + " may switch its workbench widget; " + username + " is " + user.role() + " of account "
                    + user.home().id());
        }
        WorkbenchSettings settings = em.find(WorkbenchSettings.class, accountId);
        boolean before = settings != null && settings.view().enabled();
        if (settings == null) {
            settings = new WorkbenchSettings(accountId);
            settings.showFailureWidget(enabled, caller.actor(), clock.instant());
            em.persist(settings);
        } else {
            settings.showFailureWidget(enabled, caller.actor(), clock.instant());
        }
        adminLog.record(accountId, caller.actor(), "workbench.failureWidget", null, onOff(before), onOff(enabled));
        LOG.info(() -> caller.actor() + " switched the failure widget " + onOff(enabled) + " for account " + accountId);
        return settings.view();
    }

    private static String onOff(boolean on) {
        return on ? "on" : "off";
    }
}
