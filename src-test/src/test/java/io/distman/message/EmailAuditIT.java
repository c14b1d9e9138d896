package io.distman.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.account.entity.AccountAccessDeniedException;
import io.distman.account.entity.UserRole;
import io.distman.audit.boundary.EmailAudit;
import io.distman.audit.entity.AuditFilter;
import io.distman.audit.entity.AuditRow;
import io.distman.audit.entity.AuditSort;
import io.distman.message.entity.Category;
import io.distman.message.entity.DeliveryStatus;
import io.distman.message.entity.StatusChange;
import io.distman.submission.entity.SubmitReceipt;
import io.distman.submission.entity.SubmitRequest;
import io.distman.testsupport.Deployments;
import io.distman.testsupport.SignedIn;
import io.distman.testsupport.ejb.AsCaller;
import io.distman.testsupport.ejb.Fixtures.TestAccount;
import io.distman.testsupport.ejb.Fixtures;
import io.distman.testsupport.ejb.TestModule;
import jakarta.ejb.EJB;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.Set;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Email Audit's queries on the database, as a signed-in agent: each filter, the exact count, paging and sorting,
 * and account scope.
 */
@ExtendWith(ArquillianExtension.class)
public class EmailAuditIT {

    @Deployment
    public static EnterpriseArchive deployment() {
        return Deployments.ear(EmailAuditIT.class);
    }

    @EJB
    TestModule manager;

    @EJB
    EmailAudit audit;

    @EJB
    Fixtures fixtures;

    @EJB
    AsCaller as;

    /** A signed-in agent of each account. */
    final Map<Long, SignedIn> staff = new HashMap<>();

    TestAccount account;
    TestAccount other;
    Instant before;
    Instant after;
    String olivia;
    long failedToOlivia;
    long failedToJack;

    /**
     * Account A: anna raised 5 emails to 2 recipients each (10 rows), ben 3 emails to 1 recipient (3 rows);
     * two of anna's rows failed. Account B: the same mail from anna, which A must never see.
     */
    @BeforeEach
    void mail() {
        before = Instant.now().minusSeconds(1);
        account = fixtures.newAccount("audit-a");
        other = fixtures.newAccount("audit-b");
        staff.put(account.id(), SignedIn.newUser(as, fixtures, account.id(), "audit-agent", UserRole.AGENT));
        staff.put(other.id(), SignedIn.newUser(as, fixtures, other.id(), "audit-agent", UserRole.AGENT));
        olivia = Fixtures.address("Olivia.Brown");
        for (int i = 0; i < 5; i++) {
            SubmitReceipt receipt = submit(account, "anna", "Rent demand " + i, olivia, Fixtures.address("jack" + i));
            if (i == 0) {
                failedToOlivia = receipt.deliveries().stream().filter(d -> d.address().equals(olivia)).findFirst().orElseThrow().deliveryId();
            } else if (i == 1) {
                failedToJack = receipt.deliveries().stream().filter(d -> !d.address().equals(olivia)).findFirst().orElseThrow().deliveryId();
            }
            submit(other, "anna", "Rent demand " + i, olivia, Fixtures.address("jack" + i));
        }
        for (int i = 0; i < 3; i++) {
            submit(account, "ben", "=HYPERLINK(\"http://evil.example\") " + i, Fixtures.address("mia" + i));
        }
        fail(failedToOlivia);
        fail(failedToJack);
        after = Instant.now().plusSeconds(1);
    }

    private SubmitReceipt submit(TestAccount to, String raisedBy, String subject, String... addresses) {
        return manager.submit(SubmitRequest.builder().account(to.code()).raisedBy(raisedBy).source("demand", "4711")
                .category(Category.ESSENTIAL).sender("lettings@northside.example", null).to(addresses).subject(subject)
                .text("Please pay.").build());
    }

    private void fail(long deliveryId) {
        fixtures.report(deliveryId, new StatusChange(DeliveryStatus.FAILED, Instant.now(), "DSN", 550, "5.1.1",
                "550 5.1.1 user unknown", null, "audit-fail:" + deliveryId, null, false));
    }

    private AuditFilter today() {
        return AuditFilter.between(before, after);
    }

    private List<AuditRow> all(long accountId, AuditFilter filter) {
        return page(accountId, filter, 0, 1000);
    }

    /** The audit as the screens call it: as a signed-in agent of the account. */
    private List<AuditRow> page(long accountId, AuditFilter filter, int first, int size) {
        return staff.get(accountId).call(() -> audit.page(accountId, filter, first, size));
    }

    private long count(long accountId, AuditFilter filter) {
        return staff.get(accountId).call(() -> audit.count(accountId, filter));
    }

    private void stream(long accountId, AuditFilter filter, Consumer<AuditRow> sink) {
        staff.get(accountId).run(() -> audit.stream(accountId, filter, sink));
    }

    @Test
    void theDateRangeHasEveryEmailAndRecipientWithItsSource() {
        List<AuditRow> rows = all(account.id(), today());
        assertEquals(13, rows.size());
        assertEquals(13, count(account.id(), today()));
        AuditRow anna = rows.stream().filter(r -> r.raisedBy().equals("anna")).findFirst().orElseThrow();
        assertEquals("demand 4711", anna.source());
        assertTrue(anna.subject().startsWith("Rent demand "));
        assertEquals(0, count(account.id(), AuditFilter.between(before.minus(2, ChronoUnit.DAYS), before.minus(1, ChronoUnit.DAYS))));
        assertEquals(0, count(account.id(), AuditFilter.between(after, after.plus(1, ChronoUnit.DAYS))), "the end is exclusive");
    }

    @Test
    void eachFilterNarrowsTheRows() {
        assertEquals(10, count(account.id(), today().withRaisedBy("anna")));
        assertEquals(3, count(account.id(), today().withRaisedBy("ben")));
        assertEquals(0, count(account.id(), today().withRaisedBy("ann")), "raised by is exact");

        List<AuditRow> failed = all(account.id(), today().withStatuses(Set.of(DeliveryStatus.FAILED)));
        assertEquals(Set.of(failedToOlivia, failedToJack),
                failed.stream().map(AuditRow::deliveryId).collect(java.util.stream.Collectors.toSet()));
        // The dispatcher's timer may be sending the rest meanwhile: every status they can have by now.
        assertEquals(13, count(account.id(), today().withStatuses(Set.of(DeliveryStatus.FAILED, DeliveryStatus.PENDING,
                DeliveryStatus.SENDING, DeliveryStatus.ACCEPTED, DeliveryStatus.TEMPORARY_FAILURE))));
        assertEquals(0, count(account.id(), today().withStatuses(Set.of(DeliveryStatus.COMPLAINED))));

        // A whole address is looked up exactly (the domain in any case); a part of one is searched for in any case.
        assertEquals(5, count(account.id(), today().withTo(olivia.replace("tenant.example.org", "TENANT.example.org"))));
        assertEquals(5, count(account.id(), today().withTo("olivia.BROWN")));
        assertEquals(3, count(account.id(), today().withTo("mia")));
        assertEquals(0, count(account.id(), today().withTo("mia_")), "LIKE's wildcards are searched for literally");
        assertEquals(0, count(account.id(), today().withTo("%")));

        AuditFilter combined = today().withRaisedBy("anna").withTo("olivia").withStatuses(Set.of(DeliveryStatus.FAILED));
        assertEquals(List.of(failedToOlivia), all(account.id(), combined).stream().map(AuditRow::deliveryId).toList());
        assertEquals(0, count(account.id(), combined.withRaisedBy("ben")));
    }

    @Test
    void pagesAreSortedWithoutGapsOrRepeats() {
        AuditFilter bySubject = today().sortedBy(AuditSort.SUBJECT, true);
        List<AuditRow> paged = new ArrayList<>();
        for (int first = 0; first < 13; first += 5) {
            paged.addAll(page(account.id(), bySubject, first, 5));
        }
        assertEquals(13, paged.size());
        assertEquals(13, new HashSet<>(paged.stream().map(AuditRow::deliveryId).toList()).size(), "no row twice");
        List<String> subjects = paged.stream().map(AuditRow::subject).toList();
        assertEquals(subjects.stream().sorted().toList(), subjects);
        assertTrue(subjects.get(0).startsWith("="), "'=' sorts before letters: " + subjects.get(0));

        List<AuditRow> newestFirst = all(account.id(), today());
        assertEquals(newestFirst.stream().sorted(Comparator.comparing(AuditRow::createdAt)
                .thenComparing(AuditRow::deliveryId).reversed()).toList(), newestFirst);
        for (AuditSort sort : AuditSort.values()) {
            assertEquals(13, page(account.id(), today().sortedBy(sort, false), 0, 100).size(), sort.name());
        }
    }

    @Test
    void anotherAccountsMailNeverAppears() {
        Set<Long> mine = all(account.id(), today()).stream().map(AuditRow::deliveryId).collect(java.util.stream.Collectors.toSet());
        List<AuditRow> theirs = all(other.id(), today());
        assertEquals(10, theirs.size());
        assertTrue(theirs.stream().noneMatch(r -> mine.contains(r.deliveryId())));
        assertEquals(5, count(other.id(), today().withTo(olivia)));
        List<AuditRow> streamed = new ArrayList<>();
        stream(other.id(), today(), streamed::add);
        assertEquals(10, streamed.size());
        assertTrue(streamed.stream().noneMatch(r -> mine.contains(r.deliveryId())));
        // B's agent naming A's account gets nothing at all.
        SignedIn theirAgent = staff.get(other.id());
        assertThrows(AccountAccessDeniedException.class, () -> theirAgent.call(() -> audit.page(account.id(), today(), 0, 10)));
        assertThrows(AccountAccessDeniedException.class, () -> theirAgent.call(() -> audit.count(account.id(), today())));
        assertThrows(AccountAccessDeniedException.class,
                () -> theirAgent.run(() -> audit.stream(account.id(), today(), r -> { })));
    }

    @Test
    void theExportStreamYieldsEveryRowAcrossBatches() {
        // 3 x 400 recipients: more than one keyset batch of 1,000, and rows sharing a creation time.
        for (int m = 0; m < 3; m++) {
            int n = m;
            submit(account, "bulk", "Newsletter " + m,
                    IntStream.range(0, 400).mapToObj(i -> Fixtures.address("r" + n + "-" + i)).toArray(String[]::new));
        }
        AuditFilter filter = AuditFilter.between(before, Instant.now().plusSeconds(1));
        List<AuditRow> streamed = new ArrayList<>();
        stream(account.id(), filter, streamed::add);
        assertEquals(1213, streamed.size());
        assertEquals(1213, count(account.id(), filter));
        assertEquals(1213, new HashSet<>(streamed.stream().map(AuditRow::deliveryId).toList()).size(), "no row twice");

        List<AuditRow> oldestFirst = new ArrayList<>();
        stream(account.id(), filter.sortedBy(AuditSort.CREATED, true), oldestFirst::add);
        assertEquals(1213, oldestFirst.size());
        assertEquals(oldestFirst.stream().sorted(Comparator.comparing(AuditRow::createdAt).thenComparing(AuditRow::deliveryId)).toList(),
                oldestFirst);

        List<AuditRow> failed = new ArrayList<>();
        stream(account.id(), filter.withStatuses(Set.of(DeliveryStatus.FAILED)), failed::add);
        assertEquals(2, failed.size());
    }
}
