package io.distman.demo;

import io.distman.account.boundary.AccountService;
import io.distman.account.entity.Account;
import io.distman.audit.boundary.AuditParameters;
import io.distman.audit.boundary.EmailAudit;
import io.distman.audit.entity.AuditFilter;
import io.distman.audit.entity.AuditRow;
import io.distman.message.entity.DeliveryStatus;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The demo's mail provider after sending: what a real one reports back for the demo agencies' mail, so the
 * demo shows every status instead of stopping at "handed to the provider". Every {@value #TICK_SECONDS} s it
 * looks at yesterday's and today's mail of the demo accounts and, through {@link DemoPostmark} (the real
 * webhook intake), reports the next step of each: delivered, then opened and a link clicked for some tenants,
 * a hard bounce for one. One step per tick, so each status can be seen for a moment on the screens.
 * Only with {@code -Ddistman.demo=true}; tests never start it.
 * It reads the Email Audit, which only signed-in staff may (issue 11), so it runs as a principal of its own
 * ({@value #PRINCIPAL}, in the agent role, set in WEB-INF/glassfish-ejb-jar.xml) that the demo data grants
 * the two demo agencies, like the back office's.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@RunAs("agent")
public class DemoProvider {

    static final String PRINCIPAL = "distman-demo-provider";

    private static final Logger LOG = Logger.getLogger(DemoProvider.class.getName());

    static final int TICK_SECONDS = 20;
    private static final int ROWS_PER_TICK = 200;
    private static final Set<DeliveryStatus> REPORTED_ON = Set.of(DeliveryStatus.ACCEPTED, DeliveryStatus.DELIVERED,
            DeliveryStatus.OPENED);

    @EJB
    AccountService accounts;

    @EJB
    EmailAudit audit;

    @EJB
    DemoPostmark postmark;

    @Resource
    TimerService timers;

    @PostConstruct
    void start() {
        if (Boolean.getBoolean("distman.demo")) {
            timers.createIntervalTimer(TICK_SECONDS * 1000L, TICK_SECONDS * 1000L, new TimerConfig("demo provider", false));
        }
    }

    @Timeout
    void tick() {
        for (String code : List.of("northside", "harbour")) {
            accounts.byCode(code).ifPresent(this::report);
        }
    }

    private void report(Account account) {
        ZoneId zone = AuditParameters.zone();
        LocalDate today = LocalDate.now(zone);
        AuditFilter recent = AuditFilter.between(today.minusDays(1).atStartOfDay(zone).toInstant(),
                today.plusDays(1).atStartOfDay(zone).toInstant()).withStatuses(REPORTED_ON);
        Instant now = Instant.now();
        for (AuditRow row : audit.page(account.getId(), recent, 0, ROWS_PER_TICK)) {
            try {
                DemoFates.next(row.status(), row.address()).ifPresent(step -> step.report(postmark, account.getCode(),
                        row.deliveryId(), row.address(), now));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "demo provider could not report on delivery " + row.deliveryId(), e);
            }
        }
    }
}
