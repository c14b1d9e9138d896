package io.distman.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.account.entity.AccountAccessDeniedException;
import io.distman.account.entity.UserRole;
import io.distman.message.entity.Category;
import io.distman.message.entity.DeliveryStatus;
import io.distman.message.entity.StatusChange;
import io.distman.report.boundary.MonthlyCounts;
import io.distman.report.entity.MonthlyCount;
import io.distman.submission.entity.SubmitRequest;
import io.distman.testsupport.Deployments;
import io.distman.testsupport.SignedIn;
import io.distman.testsupport.ejb.AsCaller;
import io.distman.testsupport.ejb.Fixtures.TestAccount;
import io.distman.testsupport.ejb.Fixtures;
import io.distman.testsupport.ejb.TestModule;
import jakarta.ejb.EJB;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Monthly counts report on the database, as a signed-in agent: per month (the server's zone), status and source
 * module, one account, and only an account the caller may act for.
 */
@ExtendWith(ArquillianExtension.class)
public class MonthlyCountsIT {

    @Deployment
    public static EnterpriseArchive deployment() {
        return Deployments.ear(MonthlyCountsIT.class);
    }

    @EJB
    TestModule manager;

    @EJB
    MonthlyCounts report;

    @EJB
    Fixtures fixtures;

    @EJB
    AsCaller as;

    /** The server's zone, which the report's months and the audit's days are in. */
    static final ZoneId ZONE = ZoneId.systemDefault();

    private long mail(TestAccount to, String module, YearMonth month, int day, DeliveryStatus status) {
        long id = manager.submit(SubmitRequest.builder().account(to.code()).raisedBy("anna").source(module, "1")
                        .category(Category.ESSENTIAL).sender("lettings@northside.example", null)
                        .to(Fixtures.address("olivia")).subject("Letter").text("Hello.").build())
                .deliveries().get(0).deliveryId();
        fixtures.createdAt(id, month.atDay(day).atTime(12, 0).atZone(ZONE).toInstant());
        fixtures.report(id, new StatusChange(status, Instant.now(), "TEST", null, null, "report test", null,
                "monthly:" + UUID.randomUUID(), null, false));
        return id;
    }

    @Test
    void countsPerMonthStatusAndSourceOfTheAccountOnly() {
        TestAccount account = fixtures.newAccount("monthly-a");
        TestAccount other = fixtures.newAccount("monthly-b");
        YearMonth jan = YearMonth.of(2025, 1);
        YearMonth feb = YearMonth.of(2025, 2);
        mail(account, "demand", jan, 1, DeliveryStatus.DELIVERED);
        mail(account, "demand", jan, 31, DeliveryStatus.DELIVERED);
        mail(account, "demand", jan, 15, DeliveryStatus.FAILED);
        mail(account, "credit-control", jan, 15, DeliveryStatus.DELIVERED);
        mail(account, "demand", feb, 28, DeliveryStatus.COMPLAINED);
        mail(account, "demand", YearMonth.of(2024, 12), 31, DeliveryStatus.DELIVERED); // before the range
        mail(account, "demand", YearMonth.of(2025, 3), 1, DeliveryStatus.DELIVERED);   // after it
        mail(other, "demand", jan, 15, DeliveryStatus.FAILED);

        Instant from = jan.atDay(1).atStartOfDay(ZONE).toInstant();
        Instant until = YearMonth.of(2025, 3).atDay(1).atStartOfDay(ZONE).toInstant();
        SignedIn agent = SignedIn.newUser(as, fixtures, account.id(), "monthly-agent", UserRole.AGENT);
        SignedIn theirs = SignedIn.newUser(as, fixtures, other.id(), "monthly-agent", UserRole.AGENT);
        List<MonthlyCount> rows = agent.call(() -> report.counts(account.id(), from, until));
        assertEquals(List.of(
                new MonthlyCount(jan, DeliveryStatus.DELIVERED, "credit-control", 1),
                new MonthlyCount(jan, DeliveryStatus.DELIVERED, "demand", 2),
                new MonthlyCount(jan, DeliveryStatus.FAILED, "demand", 1),
                new MonthlyCount(feb, DeliveryStatus.COMPLAINED, "demand", 1)), rows);

        assertEquals(List.of(new MonthlyCount(jan, DeliveryStatus.FAILED, "demand", 1)),
                theirs.call(() -> report.counts(other.id(), from, until)));
        assertThrows(AccountAccessDeniedException.class, () -> theirs.call(() -> report.counts(account.id(), from, until)));
        TestAccount empty = fixtures.newAccount("monthly-empty");
        SignedIn nobodysMail = SignedIn.newUser(as, fixtures, empty.id(), "monthly-agent", UserRole.AGENT);
        assertTrue(nobodysMail.call(() -> report.counts(empty.id(), from, until)).isEmpty());
    }
}
