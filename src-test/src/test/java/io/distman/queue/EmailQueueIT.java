package io.distman.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.account.entity.AccountAccessDeniedException;
import io.distman.account.entity.UserRole;
import io.distman.audit.boundary.EmailAudit;
import io.distman.audit.entity.AuditFilter;
import io.distman.audit.entity.AuditRow;
import io.distman.audit.entity.AuditSort;
import io.distman.message.entity.Category;
import io.distman.message.entity.DeliveryEvent;
import io.distman.message.entity.DeliveryStatus;
import io.distman.message.entity.Priority;
import io.distman.message.entity.StatusChange;
import io.distman.message.entity.StatusGroups;
import io.distman.queue.boundary.EmailQueue;
import io.distman.queue.entity.QueueOutcome.Refusal;
import io.distman.queue.entity.QueueOutcome;
import io.distman.queue.entity.QueueRow;
import io.distman.submission.entity.SubmitRequest;
import io.distman.testsupport.Deployments;
import io.distman.testsupport.Dispatching;
import io.distman.testsupport.Mails;
import io.distman.testsupport.SignedIn;
import io.distman.testsupport.TestMailServer;
import io.distman.testsupport.ejb.AsCaller;
import io.distman.testsupport.ejb.Fixtures.TestAccount;
import io.distman.testsupport.ejb.Fixtures;
import io.distman.testsupport.ejb.TestModule;
import jakarta.ejb.EJB;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Queue's boundary on the database: it lists only the account's unsent mail; send now, retry now and
 * cancel act on each delivery in its own transaction, refuse what they cannot do with a short reason, and
 * treat another account's ids as unknown.
 */
@ExtendWith(ArquillianExtension.class)
public class EmailQueueIT {

    @Deployment
    public static EnterpriseArchive deployment() {
        return Deployments.ear(EmailQueueIT.class);
    }

    @EJB
    TestModule manager;

    @EJB
    EmailQueue queue;

    @EJB
    EmailAudit audit;

    @EJB
    Fixtures fixtures;

    @EJB
    AsCaller as;

    TestAccount account;
    TestAccount other;
    String olivia;
    String jack;
    /** Account A: due now; a temporary failure due in an hour; one already sent. Account B: one due now. */
    long pending;
    long retrying;
    long sent;
    long foreign;
    /** Signed-in agents of A and of B. */
    SignedIn anna;
    SignedIn bob;

    @BeforeEach
    void queuedMail() {
        TestMailServer.purge();
        account = fixtures.newAccount("queue-a");
        other = fixtures.newAccount("queue-b");
        anna = SignedIn.newUser(as, fixtures, account.id(), "anna", UserRole.AGENT);
        bob = SignedIn.newUser(as, fixtures, other.id(), "bob", UserRole.AGENT);
        olivia = Fixtures.address("olivia");
        jack = Fixtures.address("jack");
        pending = submit(account, olivia, "Rent demand now 1");
        retrying = submit(account, jack, "Rent demand now 2");
        sent = submit(account, Fixtures.address("mia"), "Rent demand sent");
        foreign = submit(other, Fixtures.address("olivia"), "Rent demand of B");
        report(retrying, DeliveryStatus.TEMPORARY_FAILURE, "451 4.7.1 try again later");
        fixtures.scheduleAt(retrying, Instant.now().plus(Duration.ofHours(1)));
        report(sent, DeliveryStatus.ACCEPTED, "250 ok");
    }

    /** A NORMAL email: it waits in the queue (the test server's sweep runs only every 10 minutes). */
    private long submit(TestAccount to, String address, String subject) {
        return manager.submit(SubmitRequest.builder().account(to.code()).raisedBy("anna").source("demand", "4711")
                .category(Category.ESSENTIAL).priority(Priority.NORMAL).sender("lettings@northside.example", null)
                .to(address).subject(subject).text("Please pay.").build()).deliveries().get(0).deliveryId();
    }

    private void report(long deliveryId, DeliveryStatus status, String diagnostic) {
        fixtures.report(deliveryId, new StatusChange(status, Instant.now(), "TEST", null, null, diagnostic, null,
                "queue-test:" + UUID.randomUUID(), null, false));
    }

    private static Map<Long, String> reasons(QueueOutcome outcome) {
        return outcome.refused().stream().collect(Collectors.toMap(Refusal::deliveryId, Refusal::reason));
    }

    private DeliveryStatus status(long deliveryId) {
        return fixtures.delivery(deliveryId).getStatus();
    }

    private DeliveryEvent lastEvent(long deliveryId, DeliveryStatus status) {
        List<DeliveryEvent> events = fixtures.events(deliveryId).stream().filter(e -> e.getStatus() == status).toList();
        assertFalse(events.isEmpty(), "no " + status + " event for " + deliveryId);
        return events.get(events.size() - 1);
    }

    @Test
    void theQueueListsOnlyTheAccountsUnsentMailWithAttemptsAndDetail() {
        assertEquals(2, anna.call(() -> queue.count(account.id(), Set.of())));
        List<QueueRow> rows = anna.call(() -> queue.page(account.id(), Set.of(), AuditSort.NEXT_ATTEMPT, true, 0, 100));
        assertEquals(List.of(pending, retrying), rows.stream().map(QueueRow::deliveryId).toList(), "by next attempt");
        QueueRow retry = rows.get(1);
        assertEquals(DeliveryStatus.TEMPORARY_FAILURE, retry.mail().status());
        assertEquals("451 4.7.1 try again later", retry.detail());
        assertEquals("demand 4711", retry.mail().source());
        assertEquals(0, retry.attempts());
        assertTrue(retry.nextAttemptAt().isAfter(Instant.now()));

        assertEquals(1, anna.call(() -> queue.count(account.id(), Set.of(DeliveryStatus.TEMPORARY_FAILURE))));
        assertEquals(2, anna.call(() -> queue.count(account.id(), Set.of(DeliveryStatus.ACCEPTED))), "a status outside the queue widens to all of it");
        assertEquals(List.of(retrying), anna.call(() -> queue.page(account.id(), Set.of(), AuditSort.NEXT_ATTEMPT, true, 1, 1))
                .stream().map(QueueRow::deliveryId).toList(), "paged");
        assertEquals(List.of(foreign), bob.call(() -> queue.page(other.id(), Set.of(), AuditSort.CREATED, false, 0, 100))
                .stream().map(QueueRow::deliveryId).toList());
    }

    @Test
    void sendNowSendsTheTickedMailWithinSecondsAndRefusesTheRest() {
        long suppressed = submit(account, "blocked." + UUID.randomUUID() + "@tenant.example.org", "Rent demand blocked");
        fixtures.suppress(account.id(), fixtures.delivery(suppressed).getAddress(), "HARD_BOUNCE");

        long start = System.nanoTime();
        QueueOutcome outcome = anna.call(() -> queue.sendNow(account.id(), List.of(pending, retrying, sent, foreign, suppressed, -1L)));
        assertEquals(List.of(pending, retrying), outcome.done());
        assertEquals(Map.of(sent, "already sent", foreign, "not found", suppressed, "address is suppressed", -1L, "not found"),
                reasons(outcome));

        Mails.received(olivia, "Rent demand now 1");
        Mails.received(jack, "Rent demand now 2");
        Dispatching.await(() -> status(pending) == DeliveryStatus.ACCEPTED && status(retrying) == DeliveryStatus.ACCEPTED,
                Duration.ofSeconds(10), "the ticked mail to be accepted");
        System.out.printf("MEASURE queue_send_now_to_accepted %d ms%n", (System.nanoTime() - start) / 1_000_000);

        DeliveryEvent claim = lastEvent(pending, DeliveryStatus.SENDING);
        assertEquals("USER", claim.getSource());
        assertTrue(claim.getDiagnostic().contains("user:" + anna.username()) && claim.getDiagnostic().contains("send now"), claim.getDiagnostic());
        assertEquals(DeliveryStatus.PENDING, status(foreign), "another account's mail is untouched");
        assertEquals(DeliveryStatus.SUPPRESSED, status(suppressed));
        assertEquals(1, fixtures.delivery(retrying).getAttempts(), "sending now counts as an attempt");

        assertEquals(Map.of(pending, "already sent"), reasons(anna.call(() -> queue.sendNow(account.id(), List.of(pending)))));
    }

    @Test
    void retryNowMakesATemporaryFailureDueNowAndNamesTheUser() {
        QueueOutcome outcome = anna.call(() -> queue.retryNow(account.id(), List.of(retrying, pending, foreign)));
        assertEquals(List.of(retrying), outcome.done());
        assertEquals(Map.of(pending, "not a temporary failure", foreign, "not found"), reasons(outcome));

        assertEquals(DeliveryStatus.PENDING, status(retrying));
        assertFalse(fixtures.delivery(retrying).getNextAttemptAt().isAfter(Instant.now()), "due now");
        DeliveryEvent event = lastEvent(retrying, DeliveryStatus.PENDING);
        assertEquals("USER", event.getSource());
        assertTrue(event.getDiagnostic().contains("retry now by " + anna.username()), event.getDiagnostic());
        assertEquals(Map.of(retrying, "not a temporary failure"), reasons(anna.call(() -> queue.retryNow(account.id(), List.of(retrying)))));
    }

    @Test
    void cancelCancelsWhatWaitsAndRefusesWhatHasGone() {
        QueueOutcome outcome = anna.call(() -> queue.cancel(account.id(), List.of(pending, sent, retrying, foreign)));
        assertEquals(List.of(pending, retrying), outcome.done(), "a refusal in the middle undoes nothing");
        assertEquals(Map.of(sent, "already sent", foreign, "not found"), reasons(outcome));
        assertEquals("already sent: 1, not found: 1", outcome.refusalSummary());

        assertEquals(DeliveryStatus.CANCELLED, status(pending));
        assertEquals(DeliveryStatus.CANCELLED, status(retrying));
        DeliveryEvent event = lastEvent(pending, DeliveryStatus.CANCELLED);
        assertEquals("USER", event.getSource());
        assertEquals("cancelled by " + anna.username(), event.getDiagnostic());
        assertEquals(DeliveryStatus.PENDING, status(foreign));
        assertThrows(AccountAccessDeniedException.class, () -> anna.call(() -> queue.cancel(other.id(), List.of(foreign))),
                "naming another account is refused");
        assertEquals(DeliveryStatus.PENDING, status(foreign));
        assertEquals(0, anna.call(() -> queue.count(account.id(), Set.of())));

        assertEquals(Map.of(pending, "already cancelled"), reasons(anna.call(() -> queue.cancel(account.id(), List.of(pending)))));
        assertEquals(Map.of(pending, "already cancelled"), reasons(anna.call(() -> queue.sendNow(account.id(), List.of(pending)))));
    }

    @Test
    void historyIsTheAuditOfSentStatusesOnly() {
        report(pending, DeliveryStatus.FAILED, "550 5.1.1 user unknown");
        AuditFilter history = AuditFilter.between(Instant.now().minus(Duration.ofMinutes(5)), Instant.now().plusSeconds(1))
                .withStatuses(StatusGroups.within(StatusGroups.SENT, Set.of()));

        assertEquals(2, anna.call(() -> audit.count(account.id(), history)));
        List<AuditRow> rows = anna.call(() -> audit.page(account.id(), history, 0, 10));
        assertEquals(List.of(sent, pending), rows.stream().map(AuditRow::deliveryId).toList(), "newest first");
        assertFalse(rows.stream().anyMatch(r -> r.deliveryId() == retrying), "still queued");
    }
}
