package io.distman.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.account.entity.AccountAccessDeniedException;
import io.distman.account.entity.UserRole;
import io.distman.message.entity.Category;
import io.distman.message.entity.DeliveryStatus;
import io.distman.platform.entity.NotFoundException;
import io.distman.submission.boundary.DistributionManagerLocal;
import io.distman.submission.entity.SubmissionRejectedException;
import io.distman.submission.entity.SubmitReceipt;
import io.distman.submission.entity.SubmitRequest;
import io.distman.testsupport.Deployments;
import io.distman.testsupport.ejb.AsCaller;
import io.distman.testsupport.ejb.Fixtures.TestAccount;
import io.distman.testsupport.ejb.Fixtures;
import io.distman.testsupport.ejb.TestModule;
import jakarta.ejb.EJB;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The service checks its caller (issue 11, part 1): an anonymous caller gets nothing, a module principal acts
 * only for the accounts granted to it — whatever account its request names — and the timeline names the
 * authenticated caller, with the person it acts for beside it, never instead of it.
 */
@ExtendWith(ArquillianExtension.class)
public class CallerChecksIT {

    private static final List<String> WRITTEN = List.of("message", "delivery", "delivery_event");

    @Deployment
    public static EnterpriseArchive deployment() {
        return Deployments.ear(CallerChecksIT.class);
    }

    /** Called straight from the test: no login, the container's anonymous caller. */
    @EJB
    DistributionManagerLocal service;

    @EJB
    AsCaller as;

    @EJB
    TestModule testModule;

    @EJB
    Fixtures fixtures;

    TestAccount a;
    TestAccount b;
    String moduleA;

    @BeforeEach
    void setUp() {
        a = fixtures.newAccount("callers-a");
        b = fixtures.newAccount("callers-b");
        moduleA = "module-a-" + UUID.randomUUID().toString().substring(0, 8);
        fixtures.grantModule(moduleA, a.id());
    }

    private SubmitRequest request(TestAccount account) {
        return SubmitRequest.builder().account(account.code()).raisedBy("anna").source("demand", "1")
                .category(Category.ESSENTIAL).sender("lettings@northside.example", "Northside Lettings")
                .to(Fixtures.address("olivia")).subject("Rent demand").text("Please pay.").build();
    }

    private Map<String, Long> written() {
        return WRITTEN.stream().collect(Collectors.toMap(t -> t, t -> fixtures.countOf(t, a.id(), b.id())));
    }

    private <T> T asModuleA(Callable<T> work) throws Exception {
        return as.call(moduleA, Set.of(), work);
    }

    private static long delivery(SubmitReceipt receipt) {
        return receipt.deliveries().get(0).deliveryId;
    }

    @Test
    void anAnonymousCallerCanNeitherSubmitNorReadNorCancelNorResend() {
        SubmitReceipt existing = testModule.submit(request(a));
        Map<String, Long> before = written();

        assertThrows(AccountAccessDeniedException.class, () -> service.submit(request(a)));
        assertThrows(AccountAccessDeniedException.class, () -> service.message(a.code(), existing.messageId()));
        assertThrows(AccountAccessDeniedException.class, () -> service.cancel(a.code(), delivery(existing), "anna"));
        assertThrows(AccountAccessDeniedException.class,
                () -> service.resend(a.code(), delivery(existing), "outsider@attacker.example", "anna"));

        assertEquals(before, written(), "nothing written for an anonymous caller");
    }

    @Test
    void aModuleCannotActForAnAccountNotGrantedToIt() throws Exception {
        SubmitReceipt ofB = testModule.submit(request(b));
        Map<String, Long> before = written();

        assertThrows(AccountAccessDeniedException.class, () -> asModuleA(() -> service.submit(request(b))));
        assertThrows(AccountAccessDeniedException.class, () -> asModuleA(() -> service.message(b.code(), ofB.messageId())));
        assertThrows(AccountAccessDeniedException.class, () -> asModuleA(() -> service.cancel(b.code(), delivery(ofB), null)));
        assertThrows(AccountAccessDeniedException.class,
                () -> asModuleA(() -> service.resend(b.code(), delivery(ofB), "outsider@attacker.example", null)));
        // Naming its own account does not reach B's rows either: they are not in A.
        assertThrows(NotFoundException.class, () -> asModuleA(() -> service.message(a.code(), ofB.messageId())));
        assertThrows(NotFoundException.class, () -> asModuleA(() -> service.cancel(a.code(), delivery(ofB), null)));
        assertThrows(NotFoundException.class,
                () -> asModuleA(() -> service.resend(a.code(), delivery(ofB), "outsider@attacker.example", null)));
        // An account that does not exist is refused exactly like one that is not granted.
        AccountAccessDeniedException missing = assertThrows(AccountAccessDeniedException.class,
                () -> asModuleA(() -> service.message("no-such-agency", 1L)));
        assertEquals("caller '" + moduleA + "' may not act for account 'no-such-agency'", missing.getMessage());

        assertEquals(before, written(), "nothing written for B");
        assertEquals(DeliveryStatus.PENDING, fixtures.delivery(delivery(ofB)).getStatus());
    }

    @Test
    void aModuleIsRefusedForAGrantedAccountWhileItIsSuspended() throws Exception {
        fixtures.grantModule(moduleA, b.id()); // a second grant: the suspended one is left out, the other still works
        fixtures.suspended(a.id(), true);
        try {
            Map<String, Long> before = written();
            assertThrows(AccountAccessDeniedException.class, () -> asModuleA(() -> service.submit(request(a))));
            assertEquals(before, written(), "nothing written for a suspended account");
            assertEquals(DeliveryStatus.PENDING, asModuleA(() -> service.submit(request(b))).deliveries().get(0).status());
        } finally {
            fixtures.suspended(a.id(), false);
        }
        assertEquals(DeliveryStatus.PENDING, asModuleA(() -> service.submit(request(a))).deliveries().get(0).status(),
                "reactivated, the grant applies again");
    }

    @Test
    void aPrincipalThatIsAlsoAnActiveUserIsAnsweredAsThatUserNotByTheModuleGrants() throws Exception {
        String both = fixtures.newUser(b.id(), "agent", UserRole.AGENT, "cobalt ferry quinoa lantern 88");
        fixtures.grantModule(both, a.id());
        Map<String, Long> before = written();

        assertThrows(AccountAccessDeniedException.class, () -> as.call(both, Set.of(), () -> service.submit(request(a))),
                "an active user of that name acts for the user's account, not the grant's");
        assertEquals(before, written(), "nothing written for A");
        assertEquals(DeliveryStatus.PENDING,
                as.call(both, Set.of(), () -> service.submit(request(b))).deliveries().get(0).status());

        fixtures.userActive(both, false);
        assertEquals(DeliveryStatus.PENDING,
                as.call(both, Set.of(), () -> service.submit(request(a))).deliveries().get(0).status(),
                "once the user is deactivated the name is the module's again");
        assertThrows(AccountAccessDeniedException.class, () -> as.call(both, Set.of(), () -> service.submit(request(b))));
    }

    @Test
    void aModuleActsForItsOwnAccountAndTheTimelineNamesItAndThePerson() throws Exception {
        SubmitReceipt own = asModuleA(() -> service.submit(request(a)));
        assertEquals("Rent demand", asModuleA(() -> service.message(a.code(), own.messageId())).subject());

        assertEquals(DeliveryStatus.CANCELLED, asModuleA(() -> service.cancel(a.code(), delivery(own), "jsmith")).status);
        String detail = fixtures.events(delivery(own)).stream()
                .filter(e -> e.getStatus() == DeliveryStatus.CANCELLED).findFirst().orElseThrow().getDiagnostic();
        assertEquals("cancelled by " + moduleA + " for jsmith", detail);

        SubmitReceipt second = asModuleA(() -> service.submit(request(a)));
        testModule.cancel(a.code(), delivery(second), null);
        long resent = asModuleA(() -> service.resend(a.code(), delivery(second), null, null)).deliveryId;
        assertTrue(fixtures.events(resent).stream().anyMatch(e -> e.getDiagnostic() != null
                && e.getDiagnostic().startsWith("resent by " + moduleA + " (of delivery")), "resend names the module");
    }

    @Test
    void noCallerMaySendFromTheInstallationsOwnSender() {
        // Only the application's own notification mail (ApplicationMail) may use it; no account owns it.
        SubmitRequest asInstallation = SubmitRequest.builder().account(a.code()).raisedBy("anna").source("demand", "1")
                .category(Category.TRANSACTIONAL).sender("notifications@distman.local", "Distribution Manager")
                .to(Fixtures.address("olivia")).subject("Your account").text("Please sign in.").build();
        Map<String, Long> before = written();
        var e = assertThrows(SubmissionRejectedException.class,
                () -> asModuleA(() -> service.submit(asInstallation)));
        assertEquals("sender.address", e.errors().get(0).field());
        assertEquals(before, written());
    }

    @Test
    void thePersonACallerNamesIsBounded() throws Exception {
        SubmitReceipt own = asModuleA(() -> service.submit(request(a)));
        var e = assertThrows(SubmissionRejectedException.class,
                () -> asModuleA(() -> service.cancel(a.code(), delivery(own), "x".repeat(101))));
        assertEquals("user", e.errors().get(0).field());
    }
}
