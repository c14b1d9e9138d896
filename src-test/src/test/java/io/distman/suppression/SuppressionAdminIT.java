package io.distman.suppression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.account.entity.AccountAccessDeniedException;
import io.distman.account.entity.UserRole;
import io.distman.message.entity.Category;
import io.distman.message.entity.DeliveryStatus;
import io.distman.message.entity.StatusChange;
import io.distman.platform.entity.NotFoundException;
import io.distman.submission.entity.SubmitRequest;
import io.distman.suppression.boundary.SuppressionAdmin;
import io.distman.suppression.entity.SuppressionAuditRow;
import io.distman.suppression.entity.SuppressionFilter;
import io.distman.suppression.entity.SuppressionRefusedException;
import io.distman.suppression.entity.SuppressionRow;
import io.distman.suppression.entity.SuppressionSort;
import io.distman.testsupport.Deployments;
import io.distman.testsupport.SignedIn;
import io.distman.testsupport.ejb.AsCaller;
import io.distman.testsupport.ejb.Fixtures.TestAccount;
import io.distman.testsupport.ejb.Fixtures;
import io.distman.testsupport.ejb.TestModule;
import jakarta.ejb.EJB;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Support staff keep the suppression list by hand: each account sees and changes only its own entries,
 * additions are validated and never duplicate an entry, removals need a note and are audited, and a
 * removed address can be mailed again.
 */
@ExtendWith(ArquillianExtension.class)
public class SuppressionAdminIT {

    @Deployment
    public static EnterpriseArchive deployment() {
        return Deployments.ear(SuppressionAdminIT.class);
    }

    @EJB
    SuppressionAdmin admin;

    @EJB
    TestModule manager;

    @EJB
    Fixtures fixtures;

    @EJB
    AsCaller as;

    TestAccount account;
    TestAccount other;
    /** Signed-in support users of the account and of the other. */
    SignedIn sam;
    SignedIn kim;

    @BeforeEach
    void setUp() {
        account = fixtures.newAccount("supadmin");
        other = fixtures.newAccount("supother");
        sam = SignedIn.newUser(as, fixtures, account.id(), "sam", UserRole.SUPPORT);
        kim = SignedIn.newUser(as, fixtures, other.id(), "kim", UserRole.SUPPORT);
    }

    private SignedIn staff(TestAccount of) {
        return of == account ? sam : kim;
    }

    private DeliveryStatus submit(TestAccount to, Category category, String address) {
        return manager.submit(SubmitRequest.builder().account(to.code()).raisedBy("anna").category(category)
                .sender("lettings@northside.example", "Northside").to(address).subject("Letter").text("Text.").build())
                .deliveries().get(0).status();
    }

    private List<SuppressionRow> all(TestAccount of) {
        return staff(of).call(() -> admin.page(of.id(), SuppressionFilter.ALL, 0, 100, SuppressionSort.NEWEST));
    }

    @Test
    void anAccountSeesAndRemovesOnlyItsOwnEntries() {
        String mine = Fixtures.address("mine");
        String theirs = Fixtures.address("theirs");
        fixtures.suppress(account.id(), mine, "COMPLAINT");
        fixtures.suppress(other.id(), theirs, "HARD_BOUNCE");

        List<SuppressionRow> rows = all(account);
        assertEquals(List.of(mine), rows.stream().map(SuppressionRow::address).toList());
        assertEquals("COMPLAINT", rows.get(0).reason());
        assertEquals("all", rows.get(0).category());
        assertEquals("added by a test", rows.get(0).detail());
        assertTrue(rows.get(0).active());
        assertEquals(1, sam.call(() -> admin.count(account.id(), SuppressionFilter.ALL)));

        long theirId = all(other).get(0).id();
        assertThrows(NotFoundException.class, () -> sam.call(() -> admin.remove(account.id(), theirId, "not mine")));
        assertThrows(AccountAccessDeniedException.class, () -> sam.call(() -> admin.remove(other.id(), theirId, "not mine")),
                "naming an account not granted to the caller");
        assertEquals(1, all(other).size(), "another account's entry is untouched");
        assertEquals(0, sam.call(() -> admin.auditCount(account.id())));
        assertEquals(0, kim.call(() -> admin.auditCount(other.id())));
        assertEquals(DeliveryStatus.SUPPRESSED, submit(other, Category.TRANSACTIONAL, theirs));
    }

    @Test
    void aBounceShowsItsSourceDeliveryAndDiagnostic() {
        String address = Fixtures.address("dsn");
        long delivery = manager.submit(SubmitRequest.builder().account(account.code()).raisedBy("anna")
                .category(Category.TRANSACTIONAL).sender("lettings@northside.example", "Northside").to(address)
                .subject("Letter").text("Text.").build()).deliveries().get(0).deliveryId();
        fixtures.report(delivery, new StatusChange(DeliveryStatus.FAILED, Instant.now(), "DSN", 550, "5.1.1",
                "mailbox unknown", null, "test:" + UUID.randomUUID(), null, false));
        SuppressionRow row = all(account).get(0);
        assertEquals("HARD_BOUNCE", row.reason());
        assertEquals(delivery, row.sourceDeliveryId());
        assertEquals("DSN: mailbox unknown", row.detail());
        assertNull(row.createdBy());
    }

    @Test
    void removingNeedsANoteIsAuditedAndLetsMailThroughAgain() {
        String address = Fixtures.address("bounced");
        fixtures.suppress(account.id(), address, "HARD_BOUNCE");
        assertEquals(DeliveryStatus.SUPPRESSED, submit(account, Category.TRANSACTIONAL, address));
        long id = all(account).get(0).id();

        assertThrows(SuppressionRefusedException.class, () -> sam.call(() -> admin.remove(account.id(), id, "  ")));
        assertThrows(SuppressionRefusedException.class, () -> sam.call(() -> admin.remove(account.id(), id, null)));
        assertEquals(1, all(account).size(), "nothing removed without a note");
        assertEquals(0, sam.call(() -> admin.auditCount(account.id())));

        SuppressionAuditRow removed = sam.call(() -> admin.remove(account.id(), id, "tenant fixed their mailbox"));
        assertEquals("REMOVED", removed.action());
        assertEquals(List.of(), all(account));
        List<SuppressionAuditRow> audit = sam.call(() -> admin.audit(account.id(), 0, 10));
        assertEquals(1, audit.size());
        SuppressionAuditRow row = audit.get(0);
        assertEquals(address, row.address());
        assertEquals("REMOVED", row.action());
        assertEquals("HARD_BOUNCE", row.reason());
        assertEquals("added by a test", row.detail());
        assertEquals("tenant fixed their mailbox", row.note());
        assertEquals(sam.username(), row.username(), "the signed-in support user, not a name passed in");
        assertEquals(DeliveryStatus.PENDING, submit(account, Category.TRANSACTIONAL, address));
        assertThrows(NotFoundException.class, () -> sam.call(() -> admin.remove(account.id(), id, "again")), "already gone");
    }

    @Test
    void addingValidatesTheAddressAndRefusesDuplicates() {
        assertThrows(SuppressionRefusedException.class, () -> sam.call(() -> admin.add(account.id(), "not-an-address", null, null, "why")));
        assertThrows(SuppressionRefusedException.class, () -> sam.call(() -> admin.add(account.id(), " ", null, null, "why")));
        String address = Fixtures.address("Manual");
        assertThrows(SuppressionRefusedException.class, () -> sam.call(() -> admin.add(account.id(), address, null, null, "")));
        assertThrows(SuppressionRefusedException.class, () -> sam.call(() -> admin.add(account.id(), address, null,
                Instant.now().minus(Duration.ofDays(1)), "why")), "an expiry in the past");
        assertEquals(0, sam.call(() -> admin.count(account.id(), SuppressionFilter.ALL)), "nothing half-written");
        assertEquals(0, sam.call(() -> admin.auditCount(account.id())));

        SuppressionRow added = sam.call(() -> admin.add(account.id(), address, Category.BULK, null, "asked by phone"));
        assertEquals(address.toLowerCase(), added.address());
        assertEquals(SuppressionAdmin.MANUAL, added.reason());
        assertEquals("BULK", added.category());
        assertEquals(sam.username(), added.createdBy());
        assertNull(added.sourceDeliveryId());
        SuppressionRefusedException duplicate = assertThrows(SuppressionRefusedException.class,
                () -> sam.call(() -> admin.add(account.id(), address.toUpperCase(), null, null, "again")));
        assertTrue(duplicate.getMessage().contains("already suppressed"), duplicate.getMessage());
        assertEquals(1, sam.call(() -> admin.count(account.id(), SuppressionFilter.ALL)));

        assertEquals(DeliveryStatus.SUPPRESSED, submit(account, Category.BULK, address));
        assertEquals(DeliveryStatus.PENDING, submit(account, Category.TRANSACTIONAL, address), "BULK only");
        List<SuppressionAuditRow> audit = sam.call(() -> admin.audit(account.id(), 0, 10));
        assertEquals(List.of("ADDED"), audit.stream().map(SuppressionAuditRow::action).toList());
        assertEquals("asked by phone", audit.get(0).note());

        // the same address in another account is another entry
        kim.call(() -> admin.add(other.id(), address, null, Instant.now().plus(Duration.ofDays(3)), "other agency"));
        assertEquals(DeliveryStatus.SUPPRESSED, submit(other, Category.ESSENTIAL, address));
    }

    @Test
    void theListPagesCountsAndSearches() {
        for (int i = 0; i < 7; i++) {
            fixtures.suppress(account.id(), "page" + i + "_x." + account.code() + "@tenant.example.org", i % 2 == 0 ? "COMPLAINT" : "HARD_BOUNCE");
        }
        fixtures.suppress(account.id(), "pagexx." + account.code() + "@tenant.example.org", "UNSUBSCRIBE");
        assertEquals(8, sam.call(() -> admin.count(account.id(), SuppressionFilter.ALL)));
        List<SuppressionRow> first = sam.call(() -> admin.page(account.id(), SuppressionFilter.ALL, 0, 3, SuppressionSort.ADDRESS));
        List<SuppressionRow> second = sam.call(() -> admin.page(account.id(), SuppressionFilter.ALL, 3, 3, SuppressionSort.ADDRESS));
        List<SuppressionRow> third = sam.call(() -> admin.page(account.id(), SuppressionFilter.ALL, 6, 3, SuppressionSort.ADDRESS));
        assertEquals(List.of(3, 3, 2), List.of(first.size(), second.size(), third.size()));
        assertTrue(first.get(0).address().startsWith("page0_x."), first.get(0).address());
        assertTrue(third.get(1).address().startsWith("pagexx."), third.get(1).address());

        assertEquals(1, sam.call(() -> admin.count(account.id(), new SuppressionFilter("PAGE3", null, true))), "case-insensitive part");
        assertEquals(7, sam.call(() -> admin.count(account.id(), new SuppressionFilter("_x.", null, false))), "'_' is literal");
        assertEquals(4, sam.call(() -> admin.count(account.id(), new SuppressionFilter(null, "COMPLAINT", true))));
        assertEquals(3, sam.call(() -> admin.page(account.id(), new SuppressionFilter("", "HARD_BOUNCE", false), 0, 10, null)).size());
        assertEquals(0, kim.call(() -> admin.count(other.id(), new SuppressionFilter("page", null, false))));
    }

    @Test
    void activeOnlyLeavesOutExpiredEntriesAndAnExpiredEntryMayBeAddedAgain() {
        String address = Fixtures.address("expired");
        fixtures.suppressUntil(account.id(), address, "SOFT_BOUNCE", Instant.now().minus(Duration.ofHours(1)));
        assertEquals(0, sam.call(() -> admin.count(account.id(), new SuppressionFilter(null, null, true))));
        assertEquals(1, sam.call(() -> admin.count(account.id(), new SuppressionFilter(null, null, false))));
        assertTrue(!all(account).get(0).active());

        sam.call(() -> admin.add(account.id(), address, null, null, "keeps bouncing"));
        List<SuppressionRow> rows = all(account);
        assertEquals(1, rows.size());
        assertEquals(SuppressionAdmin.MANUAL, rows.get(0).reason());
        assertTrue(rows.get(0).active());
        assertNull(rows.get(0).expires());
    }
}
