package io.distman.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.account.entity.AccountAccessDeniedException;
import io.distman.account.entity.UserRole;
import io.distman.adminlog.boundary.AdminLog;
import io.distman.adminlog.entity.AdminChangeRow;
import io.distman.message.entity.Category;
import io.distman.message.entity.DeliveryStatus;
import io.distman.message.entity.StatusChange;
import io.distman.submission.entity.SubmitRequest;
import io.distman.testsupport.Deployments;
import io.distman.testsupport.SignedIn;
import io.distman.testsupport.ejb.AsCaller;
import io.distman.testsupport.ejb.Fixtures.TestAccount;
import io.distman.testsupport.ejb.Fixtures;
import io.distman.testsupport.ejb.TestModule;
import io.distman.workbench.boundary.FailureWidget;
import io.distman.workbench.entity.FailureCounts;
import io.distman.workbench.entity.WidgetSetting;
import io.distman.workbench.entity.WorkbenchSettingRefusedException;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The workbench widget's counts on the database: yesterday only (the audit's day range, both ends),
 * the four statuses, the account's own mail only; and who may switch it on (a signed-in admin of the account,
 * named as themselves in the setting and the admin log).
 */
@ExtendWith(ArquillianExtension.class)
public class FailureWidgetIT {

    @Deployment
    public static EnterpriseArchive deployment() {
        return Deployments.ear(FailureWidgetIT.class);
    }

    @EJB
    TestModule manager;

    @EJB
    FailureWidget widget;

    @EJB
    Fixtures fixtures;

    @EJB
    AsCaller as;

    @EJB
    AdminLog adminLog;

    TestAccount account;
    TestAccount other;
    /**
     * Yesterday as the Email Audit's links mean it: a half-open range of one whole day of the server's zone
     * (AuditParameters.zone() in the web module, which this module cannot compile against; in-container,
     * the system zone is the same).
     */
    Instant from;
    Instant until;

    @BeforeEach
    void accounts() {
        account = fixtures.newAccount("widget-a");
        other = fixtures.newAccount("widget-b");
        ZoneId zone = ZoneId.systemDefault();
        LocalDate day = LocalDate.now(zone).minusDays(1);
        from = day.atStartOfDay(zone).toInstant();
        until = day.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** One email to one recipient, raised at {@code createdAt}, then reported with {@code status} (null: left as it is). */
    private long mail(TestAccount to, Instant createdAt, DeliveryStatus status) {
        long id = manager.submit(SubmitRequest.builder().account(to.code()).raisedBy("anna").source("demand", "4711")
                        .category(Category.ESSENTIAL).sender("lettings@northside.example", null)
                        .to(Fixtures.address("olivia")).subject("Rent demand").text("Please pay.").build())
                .deliveries().get(0).deliveryId();
        fixtures.createdAt(id, createdAt);
        if (status != null) {
            fixtures.report(id, new StatusChange(status, Instant.now(), "TEST", null, null, "widget test", null,
                    "widget:" + UUID.randomUUID(), null, false));
        }
        return id;
    }

    /** The counts as the home screen asks for them: as a signed-in agent of the account. */
    private FailureCounts countsOf(TestAccount of) {
        SignedIn agent = SignedIn.newUser(as, fixtures, of.id(), "widget-agent", UserRole.AGENT);
        return agent.call(() -> widget.counts(of.id(), from, until));
    }

    @Test
    void countsYesterdaysFailuresPerStatus() {
        Instant noon = from.plus(12, ChronoUnit.HOURS);
        mail(account, noon, DeliveryStatus.FAILED);
        mail(account, noon.plusSeconds(60), DeliveryStatus.FAILED);
        mail(account, noon, DeliveryStatus.COMPLAINED);
        mail(account, noon, DeliveryStatus.REJECTED);
        mail(account, noon, DeliveryStatus.UNSUBSCRIBED);
        mail(account, noon, DeliveryStatus.UNSUBSCRIBED);
        mail(account, noon, DeliveryStatus.UNSUBSCRIBED);
        mail(account, noon, DeliveryStatus.DELIVERED);
        mail(account, noon, DeliveryStatus.TEMPORARY_FAILURE);
        // Today's and the day before yesterday's failures are not yesterday's.
        mail(account, Instant.now(), DeliveryStatus.FAILED);
        mail(account, from.minus(12, ChronoUnit.HOURS), DeliveryStatus.COMPLAINED);

        FailureCounts counts = countsOf(account);
        assertEquals(2, counts.of(DeliveryStatus.FAILED));
        assertEquals(1, counts.of(DeliveryStatus.COMPLAINED));
        assertEquals(1, counts.of(DeliveryStatus.REJECTED));
        assertEquals(3, counts.of(DeliveryStatus.UNSUBSCRIBED));
        assertEquals(FailureCounts.STATUSES, java.util.List.copyOf(counts.counts().keySet()), "only the four, in order");
    }

    @Test
    void theDayRangeIncludesItsStartAndExcludesItsEnd() {
        mail(account, from, DeliveryStatus.FAILED);
        mail(account, until.minusMillis(1), DeliveryStatus.FAILED);
        mail(account, from.minusMillis(1), DeliveryStatus.FAILED);
        mail(account, until, DeliveryStatus.FAILED);
        assertEquals(2, countsOf(account).of(DeliveryStatus.FAILED));
    }

    @Test
    void anotherAccountsMailIsNotCounted() {
        Instant noon = from.plus(12, ChronoUnit.HOURS);
        mail(other, noon, DeliveryStatus.FAILED);
        mail(other, noon, DeliveryStatus.COMPLAINED);
        mail(account, noon, DeliveryStatus.REJECTED);
        FailureCounts mine = countsOf(account);
        assertEquals(0, mine.of(DeliveryStatus.FAILED));
        assertEquals(0, mine.of(DeliveryStatus.COMPLAINED));
        assertEquals(1, mine.of(DeliveryStatus.REJECTED));
        FailureCounts theirs = countsOf(other);
        assertEquals(1, theirs.of(DeliveryStatus.FAILED));
        assertEquals(0, theirs.of(DeliveryStatus.REJECTED));
        FailureCounts none = countsOf(fixtures.newAccount("widget-empty"));
        FailureCounts.STATUSES.forEach(s -> assertEquals(0, none.of(s), s.name()));
    }

    @Test
    void onlyAnAdminOfTheAccountSwitchesItOnAsThemselvesAndItIsLogged() {
        SignedIn admin = SignedIn.newUser(as, fixtures, account.id(), "admin", UserRole.ADMIN);
        SignedIn agent = SignedIn.newUser(as, fixtures, account.id(), "agent", UserRole.AGENT);
        SignedIn support = SignedIn.newUser(as, fixtures, account.id(), "support", UserRole.SUPPORT);
        SignedIn otherAdmin = SignedIn.newUser(as, fixtures, other.id(), "admin", UserRole.ADMIN);
        assertFalse(agent.call(() -> widget.setting(account.id())).enabled(), "off until an admin switches it on");

        SignedIn.assertRefusedByRole(() -> agent.call(() -> widget.enable(account.id(), true)));
        SignedIn.assertRefusedByRole(() -> support.call(() -> widget.enable(account.id(), true)));
        assertThrows(AccountAccessDeniedException.class, () -> otherAdmin.call(() -> widget.enable(account.id(), true)));
        assertFalse(agent.call(() -> widget.setting(account.id())).enabled(), "nothing was changed");
        assertEquals(0, adminLog.count(account.id()), "nor logged");

        WidgetSetting on = admin.call(() -> widget.enable(account.id(), true));
        assertTrue(on.enabled());
        assertEquals(admin.username(), agent.call(() -> widget.setting(account.id())).changedBy());
        assertTrue(agent.call(() -> widget.setting(account.id())).enabled());
        assertFalse(otherAdmin.call(() -> widget.setting(other.id())).enabled(), "per account");
        assertFalse(admin.call(() -> widget.enable(account.id(), false)).enabled());
        assertFalse(agent.call(() -> widget.setting(account.id())).enabled());

        List<AdminChangeRow> log = adminLog.page(account.id(), 0, 10);
        assertEquals(List.of(List.of(admin.username(), "workbench.failureWidget", "on", "off"),
                        List.of(admin.username(), "workbench.failureWidget", "off", "on")),
                log.stream().map(r -> List.of(r.actor(), r.action(), r.before(), r.after())).toList(), "newest first");
    }

    /** A signed-in admin whose row says otherwise now (demoted since signing in) is refused by the row. */
    @Test
    void theAdminRowIsCheckedNowNotOnlyTheRoleOfTheSignIn() {
        SignedIn agentClaimingAdmin = new SignedIn(as, fixtures.newUser(account.id(), "demoted", UserRole.AGENT,
                SignedIn.PASSWORD), UserRole.ADMIN);
        WorkbenchSettingRefusedException e = refusal(() -> agentClaimingAdmin.call(() -> widget.enable(account.id(), true)));
        assertTrue(e.getMessage().contains("only an admin of account " + account.id()), e.getMessage());
    }

    /** An application exception reaches the caller as itself; unwrap in case a container wraps it anyway. */
    private static WorkbenchSettingRefusedException refusal(org.junit.jupiter.api.function.Executable call) {
        Throwable thrown = assertThrows(RuntimeException.class, call);
        while (thrown instanceof EJBException && thrown.getCause() != null) {
            thrown = thrown.getCause();
        }
        assertTrue(thrown instanceof WorkbenchSettingRefusedException, String.valueOf(thrown));
        return (WorkbenchSettingRefusedException) thrown;
    }
}
