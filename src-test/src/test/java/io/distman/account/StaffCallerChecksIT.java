package io.distman.account;

import static io.distman.testsupport.SignedIn.assertRefusedByRole;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.account.entity.AccountAccessDeniedException;
import io.distman.account.entity.UserRole;
import io.distman.adminlog.boundary.AdminLog;
import io.distman.audit.boundary.DeliveryViews;
import io.distman.audit.boundary.EmailAudit;
import io.distman.audit.entity.AuditFilter;
import io.distman.audit.entity.AuditSort;
import io.distman.feedback.boundary.UnmatchedEvents;
import io.distman.message.entity.Category;
import io.distman.message.entity.DeliveryStatus;
import io.distman.notification.boundary.Notifications;
import io.distman.notification.entity.NotificationSettings;
import io.distman.queue.boundary.EmailQueue;
import io.distman.report.boundary.MonthlyCounts;
import io.distman.submission.entity.SubmitRequest;
import io.distman.suppression.boundary.SuppressionAdmin;
import io.distman.suppression.entity.SuppressionAuditRow;
import io.distman.suppression.entity.SuppressionFilter;
import io.distman.suppression.entity.SuppressionRow;
import io.distman.testsupport.Deployments;
import io.distman.testsupport.SignedIn;
import io.distman.testsupport.ejb.AsCaller;
import io.distman.testsupport.ejb.Fixtures.TestAccount;
import io.distman.testsupport.ejb.Fixtures;
import io.distman.testsupport.ejb.TestModule;
import io.distman.workbench.boundary.FailureWidget;
import jakarta.ejb.EJB;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The staff screens' EJBs check their caller (issue 11, part 1): each declares who may call it, so the
 * container's anonymous caller (an IIOP client, a servlet without a login) gets nothing; each checks the
 * account a screen passes against the signed-in user, so an agent of A naming B reads and writes nothing of
 * B; admin-only and support-only methods refuse the others; support staff reach the accounts granted to them
 * and no other; and whatever they record names the signed-in user, since nothing passes a name any more.
 */
@ExtendWith(ArquillianExtension.class)
public class StaffCallerChecksIT {

    /** Every table a staff EJB writes to. */
    private static final List<String> WRITTEN = List.of("delivery", "delivery_event", "suppression", "suppression_audit",
            "notification", "notification_preference", "workbench_settings", "admin_change");

    @Deployment
    public static EnterpriseArchive deployment() {
        return Deployments.ear(StaffCallerChecksIT.class);
    }

    @EJB
    DeliveryViews views;

    @EJB
    EmailAudit audit;

    @EJB
    UnmatchedEvents unmatched;

    @EJB
    Notifications notifications;

    @EJB
    EmailQueue queue;

    @EJB
    MonthlyCounts monthly;

    @EJB
    SuppressionAdmin suppressions;

    @EJB
    FailureWidget widget;

    @EJB
    AdminLog adminLog;

    @EJB
    TestModule module;

    @EJB
    Fixtures fixtures;

    @EJB
    AsCaller as;

    TestAccount a;
    TestAccount b;
    TestAccount c;
    SignedIn agentOfA;
    SignedIn adminOfA;
    /** Support staff of A, granted B; not C. */
    SignedIn supportOfA;
    long deliveryOfA;
    long deliveryOfB;
    long suppressionOfB;
    final AuditFilter today = AuditFilter.between(Instant.now().minusSeconds(3600), Instant.now().plusSeconds(3600));
    final NotificationSettings quiet = new NotificationSettings(Set.of(), true, false, null, null);

    @BeforeEach
    void setUp() {
        a = fixtures.newAccount("staff-a");
        b = fixtures.newAccount("staff-b");
        c = fixtures.newAccount("staff-c");
        agentOfA = SignedIn.newUser(as, fixtures, a.id(), "agent", UserRole.AGENT);
        adminOfA = SignedIn.newUser(as, fixtures, a.id(), "admin", UserRole.ADMIN);
        supportOfA = SignedIn.newUser(as, fixtures, a.id(), "support", UserRole.SUPPORT);
        fixtures.grantSupport(supportOfA.username(), b.id());
        deliveryOfA = mail(a);
        deliveryOfB = mail(b);
        fixtures.suppress(b.id(), Fixtures.address("blocked"), "COMPLAINT");
        SignedIn supportOfB = SignedIn.newUser(as, fixtures, b.id(), "support", UserRole.SUPPORT);
        suppressionOfB = supportOfB.call(() -> suppressions.page(b.id(), SuppressionFilter.ALL, 0, 10, null)).get(0).id();
    }

    private long mail(TestAccount of) {
        return module.submit(SubmitRequest.builder().account(of.code()).raisedBy("anna").source("demand", "1")
                .category(Category.ESSENTIAL).sender("lettings@northside.example", "Northside Lettings")
                .to(Fixtures.address("olivia")).subject("Rent demand").text("Please pay.").build())
                .deliveries().get(0).deliveryId();
    }

    private Map<String, Long> written() {
        return WRITTEN.stream().collect(Collectors.toMap(Function.identity(), fixtures::count));
    }

    @Test
    void anAnonymousCallerIsRefusedByEveryStaffBean() {
        Map<String, Long> before = written();
        assertRefusedByRole(() -> views.find(a.id(), deliveryOfA));
        assertRefusedByRole(() -> views.resend(a.id(), deliveryOfA, null));
        assertRefusedByRole(() -> audit.count(a.id(), today));
        assertRefusedByRole(() -> audit.stream(a.id(), today, row -> { }));
        assertRefusedByRole(() -> unmatched.ofAccount(a.id(), 0, 10));
        assertRefusedByRole(() -> unmatched.withoutAccount(0, 10));
        assertRefusedByRole(() -> notifications.count(a.id()));
        assertRefusedByRole(() -> notifications.savePreferences(a.id(), quiet));
        assertRefusedByRole(() -> notifications.saveAccountDefaults(a.id(), quiet));
        assertRefusedByRole(() -> queue.count(a.id(), Set.of()));
        assertRefusedByRole(() -> queue.cancel(a.id(), List.of(deliveryOfA)));
        assertRefusedByRole(() -> monthly.counts(a.id(), Instant.EPOCH, Instant.now()));
        assertRefusedByRole(() -> suppressions.count(a.id(), SuppressionFilter.ALL));
        assertRefusedByRole(() -> suppressions.add(a.id(), Fixtures.address("x"), null, null, "why"));
        assertRefusedByRole(() -> widget.setting(a.id()));
        assertRefusedByRole(() -> widget.enable(a.id(), true));
        assertEquals(before, written(), "nothing written for an anonymous caller");
        assertEquals(DeliveryStatus.PENDING, fixtures.delivery(deliveryOfA).getStatus());
    }

    @Test
    void aModulePrincipalIsNoStaffMember() {
        // Modules call the service (DistributionManager); the staff screens' EJBs are not theirs, even for an
        // account granted to them.
        String moduleOfA = "module-" + a.code();
        fixtures.grantModule(moduleOfA, a.id());
        assertRefusedByRole(() -> as(moduleOfA, () -> audit.count(a.id(), today)));
        assertRefusedByRole(() -> as(moduleOfA, () -> queue.cancel(a.id(), List.of(deliveryOfA))));
        assertEquals(DeliveryStatus.PENDING, fixtures.delivery(deliveryOfA).getStatus());
    }

    private <T> T as(String principal, Callable<T> work) {
        try {
            return as.call(principal, Set.of(), work);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anAgentOfANamingBGetsNothingOfBAndChangesNothing() {
        SignedIn agent = agentOfA;
        Map<String, Long> before = written();
        long b1 = b.id();
        denied(() -> agent.call(() -> views.find(b1, deliveryOfB)));
        denied(() -> agent.call(() -> views.html(b1, deliveryOfB)));
        denied(() -> agent.call(() -> views.attachment(b1, deliveryOfB, 0)));
        denied(() -> agent.call(() -> views.resend(b1, deliveryOfB, Fixtures.address("attacker"))));
        denied(() -> agent.call(() -> audit.page(b1, today, 0, 10)));
        denied(() -> agent.call(() -> audit.count(b1, today)));
        denied(() -> agent.run(() -> audit.stream(b1, today, row -> { })));
        denied(() -> agent.call(() -> notifications.count(b1)));
        denied(() -> agent.call(() -> notifications.page(b1, 0, 10)));
        denied(() -> agent.call(() -> notifications.markAllRead(b1)));
        denied(() -> agent.run(() -> notifications.savePreferences(b1, quiet)));
        denied(() -> agent.run(() -> notifications.resetPreferences(b1)));
        denied(() -> agent.call(() -> queue.page(b1, Set.of(), AuditSort.CREATED, false, 0, 10)));
        denied(() -> agent.call(() -> queue.count(b1, Set.of())));
        denied(() -> agent.call(() -> queue.cancel(b1, List.of(deliveryOfB))));
        denied(() -> agent.call(() -> queue.retryNow(b1, List.of(deliveryOfB))));
        denied(() -> agent.call(() -> queue.sendNow(b1, List.of(deliveryOfB))));
        denied(() -> agent.call(() -> monthly.counts(b1, Instant.EPOCH, Instant.now())));
        denied(() -> agent.call(() -> widget.counts(b1, Instant.EPOCH, Instant.now())));
        denied(() -> agent.call(() -> widget.setting(b1)));
        // An admin of A is no admin of B either.
        denied(() -> adminOfA.call(() -> widget.enable(b1, true)));
        denied(() -> adminOfA.run(() -> notifications.saveAccountDefaults(b1, quiet)));
        denied(() -> adminOfA.call(() -> notifications.accountDefaults(b1)));

        assertEquals(before, written(), "nothing of B written");
        assertEquals(DeliveryStatus.PENDING, fixtures.delivery(deliveryOfB).getStatus(), "B's mail neither cancelled nor sent");
    }

    private static void denied(Runnable call) {
        assertThrows(AccountAccessDeniedException.class, call::run);
    }

    @Test
    void adminAndSupportMethodsRefuseOtherRoles() {
        Map<String, Long> before = written();
        assertRefusedByRole(() -> agentOfA.call(() -> widget.enable(a.id(), true)));
        assertRefusedByRole(() -> agentOfA.run(() -> notifications.saveAccountDefaults(a.id(), quiet)));
        assertRefusedByRole(() -> agentOfA.call(() -> notifications.accountDefaults(a.id())));
        assertRefusedByRole(() -> supportOfA.call(() -> widget.enable(a.id(), true)));
        // The installation's unmatched events are of no account, so an agency's support staff do not read them.
        assertRefusedByRole(() -> supportOfA.call(() -> unmatched.withoutAccount(0, 10)));
        assertRefusedByRole(() -> supportOfA.call(() -> unmatched.payload(null, 1L)));
        for (SignedIn notSupport : List.of(agentOfA, adminOfA)) {
            assertRefusedByRole(() -> notSupport.call(() -> suppressions.count(a.id(), SuppressionFilter.ALL)));
            assertRefusedByRole(() -> notSupport.call(() -> suppressions.add(a.id(), Fixtures.address("x"), null, null, "why")));
            assertRefusedByRole(() -> notSupport.call(() -> unmatched.ofAccount(a.id(), 0, 10)));
            assertRefusedByRole(() -> notSupport.call(() -> unmatched.withoutAccount(0, 10)));
        }
        assertEquals(before, written(), "nothing written");
        // Every staff member is an agent: the shared screens answer all three roles.
        for (SignedIn staff : List.of(agentOfA, adminOfA, supportOfA)) {
            assertEquals(1, staff.call(() -> audit.count(a.id(), today)), staff.role().name());
        }
    }

    @Test
    void supportStaffReachTheAccountsGrantedToThemAndNoOther() {
        assertEquals(1, supportOfA.call(() -> suppressions.count(b.id(), SuppressionFilter.ALL)), "granted B");
        assertEquals(1, supportOfA.call(() -> audit.count(b.id(), today)));
        assertTrue(supportOfA.call(() -> views.find(b.id(), deliveryOfB)).isPresent());
        assertEquals(0, supportOfA.call(() -> unmatched.ofAccount(b.id(), 0, 10)).total());

        Map<String, Long> before = written();
        denied(() -> supportOfA.call(() -> suppressions.count(c.id(), SuppressionFilter.ALL)));
        denied(() -> supportOfA.call(() -> suppressions.add(c.id(), Fixtures.address("x"), null, null, "why")));
        denied(() -> supportOfA.call(() -> audit.count(c.id(), today)));
        denied(() -> supportOfA.call(() -> unmatched.ofAccount(c.id(), 0, 10)));
        denied(() -> supportOfA.call(() -> unmatched.payload(c.id(), 1L)));
        assertEquals(before, written());
    }

    @Test
    void whatIsRecordedNamesTheSignedInUser() {
        // Suppression audit: added and removed by the support user signed in.
        SuppressionRow added = supportOfA.call(() -> suppressions.add(b.id(), Fixtures.address("manual"), null, null,
                "asked by phone"));
        assertEquals(supportOfA.username(), added.createdBy());
        SuppressionAuditRow removed = supportOfA.call(() -> suppressions.remove(b.id(), suppressionOfB, "fixed"));
        assertEquals(supportOfA.username(), removed.username());
        assertEquals(List.of(supportOfA.username(), supportOfA.username()), supportOfA.call(() -> suppressions.audit(b.id(), 0, 10))
                .stream().map(SuppressionAuditRow::username).toList());

        // Resend and cancel timelines.
        module.cancel(a.code(), deliveryOfA, null);
        long resent = agentOfA.call(() -> views.resend(a.id(), deliveryOfA, null));
        assertTrue(fixtures.events(resent).stream().anyMatch(e -> e.getDiagnostic() != null
                && e.getDiagnostic().startsWith("resent by " + agentOfA.username() + " (of delivery")), "resend names the agent");
        agentOfA.call(() -> queue.cancel(a.id(), List.of(resent)));
        assertEquals("cancelled by " + agentOfA.username(), fixtures.events(resent).stream()
                .filter(e -> e.getStatus() == DeliveryStatus.CANCELLED).findFirst().orElseThrow().getDiagnostic());

        // The widget's setting and the admin log.
        assertEquals(adminOfA.username(), adminOfA.call(() -> widget.enable(a.id(), true)).changedBy());
        assertEquals(adminOfA.username(), adminLog.page(a.id(), 0, 1).get(0).actor());
        adminOfA.run(() -> notifications.saveAccountDefaults(a.id(), quiet));
        assertEquals(List.of(adminOfA.username(), "notification.defaults"), adminLog.page(a.id(), 0, 1).stream()
                .flatMap(r -> Stream.of(r.actor(), r.action())).toList());
    }
}
