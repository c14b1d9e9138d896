package io.distman.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.account.entity.UserRole;
import io.distman.message.entity.Category;
import io.distman.message.entity.DeliveryStatus;
import io.distman.message.entity.StatusChange;
import io.distman.submission.entity.SubmitRequest;
import io.distman.testsupport.Deployments;
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
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The workbench widget's counts on the database: yesterday only (the audit's day range, both ends),
 * the four statuses, the account's own mail only; and who may switch it on.
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

    private FailureCounts countsOf(TestAccount of) {
        return widget.counts(of.id(), from, until);
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
    void onlyAnAdminOfTheAccountSwitchesItOn() {
        String admin = fixtures.newUser(account.id(), "admin", UserRole.ADMIN, "teal-otter-maple-drum");
        String agent = fixtures.newUser(account.id(), "agent", UserRole.AGENT, "teal-otter-maple-drum");
        String support = fixtures.newUser(account.id(), "support", UserRole.SUPPORT, "teal-otter-maple-drum");
        String otherAdmin = fixtures.newUser(other.id(), "admin", UserRole.ADMIN, "teal-otter-maple-drum");
        assertFalse(widget.setting(account.id()).enabled(), "off until an admin switches it on");

        for (String refused : new String[] {agent, support, otherAdmin, "nobody-" + UUID.randomUUID()}) {
            WorkbenchSettingRefusedException e = refusal(() -> widget.enable(account.id(), refused, true));
            assertTrue(e.getMessage().contains("only an admin of account " + account.id())
                    || e.getMessage().startsWith("no user"), e.getMessage());
        }
        assertFalse(widget.setting(account.id()).enabled(), "nothing was changed");

        WidgetSetting on = widget.enable(account.id(), admin, true);
        assertTrue(on.enabled());
        assertEquals(admin, widget.setting(account.id()).changedBy());
        assertTrue(widget.setting(account.id()).enabled());
        assertFalse(widget.setting(other.id()).enabled(), "per account");
        assertFalse(widget.enable(account.id(), admin, false).enabled());
        assertFalse(widget.setting(account.id()).enabled());
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
