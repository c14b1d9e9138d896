package io.distman.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.account.entity.AccountAccessDeniedException;
import io.distman.account.entity.UserRole;
import io.distman.audit.entity.AuditSort;
import io.distman.dispatch.boundary.DispatchService;
import io.distman.dispatch.entity.Claim;
import io.distman.message.entity.Category;
import io.distman.message.entity.Delivery;
import io.distman.message.entity.DeliveryStatus;
import io.distman.message.entity.Priority;
import io.distman.queue.boundary.EmailQueue;
import io.distman.queue.entity.QueueRow;
import io.distman.ratelimit.boundary.SendBudget;
import io.distman.ratelimit.boundary.SendLimitsAdmin;
import io.distman.ratelimit.entity.InvalidLimitException;
import io.distman.ratelimit.entity.RelayLimits;
import io.distman.ratelimit.entity.SendLimits;
import io.distman.submission.entity.SubmitRequest;
import io.distman.testsupport.BusyRelay;
import io.distman.testsupport.Deployments;
import io.distman.testsupport.TestMailServer;
import io.distman.testsupport.ejb.AsCaller;
import io.distman.testsupport.ejb.Fixtures;
import io.distman.testsupport.ejb.Fixtures.TestAccount;
import io.distman.testsupport.ejb.TestModule;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.ejb.EJBAccessException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Rate limits on the real send path: a domain limit holds across two claimers sharing the database (two
 * instances), held mail keeps its status and attempt count and goes at its slot, a "too many" reply backs off
 * the whole domain, transactional mail is claimed before a bulk backlog (and keeps room within a limit), a relay's
 * connections are slots shared by every instance, and only an account's admin sets limits.
 */
@ExtendWith(ArquillianExtension.class)
public class RateLimitIT {

    private static final List<Priority> ALL = List.of(Priority.URGENT, Priority.NORMAL);
    private static final String PASSWORD = "quiet-harbour-lantern-42";
    private static final int BUSY_PORT = 2531;

    @Deployment
    public static EnterpriseArchive deployment() {
        return Deployments.ear(RateLimitIT.class);
    }

    @EJB
    TestModule manager;

    @EJB
    DispatchService dispatch;

    @EJB
    SendBudget budget;

    @EJB
    SendLimitsAdmin limits;

    @EJB
    AsCaller as;

    @EJB
    EmailQueue queue;

    @EJB
    Fixtures fixtures;

    @Resource
    ManagedExecutorService executor;

    TestAccount account;
    String domain;

    @BeforeEach
    void setUp() {
        TestMailServer.reset();
        account = fixtures.newAccount("limits");
        domain = "mx-" + UUID.randomUUID().toString().substring(0, 8) + ".example.org";
    }

    @AfterEach
    void restoreSettings() {
        System.clearProperty("distman.limits.domainPeriod");
    }

    private <T> T asAdmin(Callable<T> work) throws Exception {
        return as.call(fixtures.newUser(account.id(), "admin", UserRole.ADMIN, PASSWORD), Set.of("ADMIN"), work);
    }

    private List<Long> submit(Category category, Priority priority, int count, String toDomain) {
        String[] to = new String[count];
        for (int i = 0; i < count; i++) {
            to[i] = "r" + i + "." + UUID.randomUUID().toString().substring(0, 6) + "@" + toDomain;
        }
        return manager.submit(SubmitRequest.builder().account(account.code()).raisedBy("anna").category(category)
                        .priority(priority).sender("news@northside.example", "Northside").bcc(to).subject("Limits")
                        .text("Hello.").build())
                .deliveries().stream().map(d -> d.deliveryId()).toList();
    }

    @Test
    void aDomainLimitHoldsAcrossTwoInstancesAndHeldMailWaitsQueuedWithoutAnAttempt() throws Exception {
        // 7 "per hour" in days, so that the test never straddles two windows (7 has no divisor: one window a period).
        System.setProperty("distman.limits.domainPeriod", "PT24H");
        asAdmin(() -> limits.setDomainLimit(account.id(), domain, 7));
        List<Long> ours = submit(Category.TRANSACTIONAL, Priority.NORMAL, 12, domain);

        // Two "instances": claimers with their own owners, taking turns, sharing nothing but the database.
        List<Long> claimed = new ArrayList<>();
        List<Claim> block;
        int turn = 0;
        while (!(block = dispatch.claim("instance-" + (turn++ % 2), ALL, 3)).isEmpty()) {
            claimed.addAll(block.stream().map(Claim::deliveryId).filter(ours::contains).toList());
            dispatch.send(block);
        }
        assertEquals(7, claimed.size(), "exactly the domain's 7 of this hour went, whichever instance claimed");
        Instant nextPeriod = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.DAYS).plus(Duration.ofDays(1));
        Map<Long, String> holds = budget.holds(account.id(), ours);
        assertEquals(5, holds.size());
        for (long id : ours) {
            Delivery d = fixtures.delivery(id);
            if (claimed.contains(id)) {
                assertEquals(DeliveryStatus.ACCEPTED, d.getStatus());
                continue;
            }
            assertEquals(DeliveryStatus.PENDING, d.getStatus(), "held, not failed");
            assertEquals(0, d.getAttempts(), "a hold is no attempt");
            assertFalse(d.getNextAttemptAt().isBefore(nextPeriod), "waits for the next period's slot: " + d.getNextAttemptAt());
            assertTrue(holds.get(id).startsWith("held: " + domain + " limit 7/h, next slot "), holds.get(id));
        }
        // The Queue shows why: the hold in place of the last detail, the other columns as they were.
        String agent = fixtures.newUser(account.id(), "agent", UserRole.AGENT, PASSWORD);
        List<QueueRow> queued = as.call(agent, Set.of("AGENT"),
                () -> queue.page(account.id(), Set.of(), AuditSort.NEXT_ATTEMPT, true, 0, 100));
        assertEquals(5, queued.size());
        for (QueueRow row : queued) {
            assertEquals(holds.get(row.deliveryId()), row.detail());
            assertEquals(DeliveryStatus.PENDING, row.mail().status());
            assertEquals(0, row.attempts());
        }
        TestMailServer.awaitMessages(7, Duration.ofSeconds(10));
    }

    @Test
    void aBulkBacklogLeavesRoomInTheLimitForTransactionalMail() throws Exception {
        System.setProperty("distman.limits.domainPeriod", "PT24H"); // one window a period (7 has no divisor)
        asAdmin(() -> limits.setDomainLimit(account.id(), domain, 7));
        List<Long> bulk = submit(Category.BULK, Priority.NORMAL, 20, domain);
        dispatch.dispatchAll("node", ALL, 50);
        long sentBulk = bulk.stream().filter(id -> fixtures.delivery(id).getStatus() == DeliveryStatus.ACCEPTED).count();
        assertEquals(6, sentBulk, "bulk mail takes all but the last share of the window");
        long transactional = submit(Category.TRANSACTIONAL, Priority.NORMAL, 1, domain).get(0);
        dispatch.dispatchAll("node", ALL, 50);
        assertEquals(DeliveryStatus.ACCEPTED, fixtures.delivery(transactional).getStatus(),
                "not behind the 14 bulk mails reserved for later windows");
        TestMailServer.awaitMessages(7, Duration.ofSeconds(10));
    }

    /** A user's "send now" is held by the domain's limit as a sweep is: the button does not make the domain take more. */
    @Test
    void sendNowIsHeldByTheDomainLimitToo() throws Exception {
        System.setProperty("distman.limits.domainPeriod", "PT24H");
        asAdmin(() -> limits.setDomainLimit(account.id(), domain, 1));
        List<Long> ours = submit(Category.TRANSACTIONAL, Priority.NORMAL, 2, domain);
        dispatch.dispatchAll("node", ALL, 50);
        List<Long> held = ours.stream().filter(id -> fixtures.delivery(id).getStatus() == DeliveryStatus.PENDING).toList();
        assertEquals(1, held.size(), "one went, one waits");
        String agent = fixtures.newUser(account.id(), "agent", UserRole.AGENT, PASSWORD);
        var outcome = as.call(agent, Set.of("AGENT"), () -> queue.sendNow(account.id(), held));
        assertTrue(outcome.done().isEmpty(), "not sent: " + outcome);
        assertEquals(1, outcome.refused().size());
        assertTrue(outcome.refused().get(0).reason().startsWith("held: " + domain + " limit 1/h, next slot "),
                outcome.refused().get(0).reason());
        Delivery d = fixtures.delivery(held.get(0));
        assertEquals(DeliveryStatus.PENDING, d.getStatus(), "still queued");
        assertEquals(0, d.getAttempts(), "a hold is no attempt");
        assertTrue(d.getNextAttemptAt().isAfter(Instant.now()), "waits for its slot");
        TestMailServer.awaitMessages(1, Duration.ofSeconds(10));
        Thread.sleep(1000); // a send-now that was let through goes out asynchronously, within this second
        assertEquals(DeliveryStatus.PENDING, fixtures.delivery(held.get(0)).getStatus(), "not sent afterwards either");
    }

    @Test
    void heldMailIsReleasedAtItsSlot() throws Exception {
        System.setProperty("distman.limits.domainPeriod", "PT3S"); // "1 per hour" in 3-second hours
        asAdmin(() -> limits.setDomainLimit(account.id(), domain, 1));
        List<Long> ours = submit(Category.TRANSACTIONAL, Priority.NORMAL, 3, domain);
        long firstWindow = Instant.now().toEpochMilli() / 3000;
        dispatch.dispatchAll("node", ALL, 50);
        // The window may end while the run claims (it lasts 3 s), so one or two went; the third waits for sure.
        Map<Long, Instant> slotOf = new java.util.HashMap<>();
        for (long id : ours) {
            Delivery d = fixtures.delivery(id);
            if (d.getStatus() == DeliveryStatus.PENDING) {
                slotOf.put(id, d.getNextAttemptAt());
                assertEquals(0, d.getAttempts(), "a hold is no attempt");
            }
        }
        List<Instant> slots = List.copyOf(slotOf.values());
        assertFalse(slots.isEmpty(), "mail over the limit waits");
        assertEquals(slots.size(), slots.stream().distinct().count(), "each held one has a slot of its own: " + slots);
        Instant last = slots.stream().max(Instant::compareTo).orElseThrow();
        while (Instant.now().isBefore(last.plusMillis(200))) {
            Thread.sleep(300);
            dispatch.dispatchAll("node", ALL, 50);
        }
        dispatch.dispatchAll("node", ALL, 50);
        // One a window, as the limit says: each held one was given a later window of its own, and went no earlier.
        // (Not judged by the time ACCEPTED was recorded: that comes after the SMTP exchange, which may cross into
        // the next 3-second window, so two mails of neighbouring windows could be recorded in the same one.)
        Set<Long> windows = new java.util.HashSet<>();
        for (Instant slot : slots) {
            long window = slot.toEpochMilli() / 3000;
            assertTrue(window > firstWindow, "a held one waits for a later window: " + slot);
            windows.add(window);
        }
        assertEquals(slots.size(), windows.size(), "each held one in a window of its own: " + slots);
        for (long id : ours) {
            Delivery d = fixtures.delivery(id);
            assertEquals(DeliveryStatus.ACCEPTED, d.getStatus(), "released automatically: " + d.getStatusDetail());
            assertEquals(1, d.getAttempts(), "holds counted no attempt");
            Instant slot = slotOf.get(id);
            assertTrue(slot == null || !d.getStatusAt().isBefore(slot), "sent no earlier than its slot " + slot + ": " + d.getStatusAt());
        }
        assertTrue(budget.holds(account.id(), ours).isEmpty(), "no hold left once sent");
        TestMailServer.awaitMessages(3, Duration.ofSeconds(10));
    }

    @Test
    void aTooManyReplyBacksOffTheWholeDomain() throws Exception {
        fixtures.useRelay(account.id(), "127.0.0.1", BUSY_PORT);
        try (BusyRelay relay = new BusyRelay(BUSY_PORT, domain)) {
            long first = submit(Category.TRANSACTIONAL, Priority.NORMAL, 1, domain).get(0);
            dispatch.dispatchAll("node", ALL, 50);
            Delivery refused = fixtures.delivery(first);
            assertEquals(DeliveryStatus.TEMPORARY_FAILURE, refused.getStatus());
            assertEquals(421, refused.getSmtpCode());

            List<Long> later = submit(Category.TRANSACTIONAL, Priority.NORMAL, 2, domain);
            long elsewhere = submit(Category.TRANSACTIONAL, Priority.NORMAL, 1, "other-" + domain).get(0);
            dispatch.dispatchAll("node", ALL, 50);
            Map<Long, String> holds = budget.holds(account.id(), later);
            for (long id : later) {
                Delivery d = fixtures.delivery(id);
                assertEquals(DeliveryStatus.PENDING, d.getStatus(), "the domain's later mail waits");
                assertEquals(0, d.getAttempts());
                assertTrue(d.getNextAttemptAt().isAfter(Instant.now().plus(Duration.ofMinutes(5))), "backed off for minutes");
                assertTrue(holds.get(id).startsWith("held: " + domain + " asked to slow down (")
                        && holds.get(id).contains("Too many messages"), holds.get(id));
            }
            assertEquals(DeliveryStatus.ACCEPTED, fixtures.delivery(elsewhere).getStatus(), "another domain is not held");
            assertEquals(1, relay.accepted());
            SendLimits view = asAdmin(() -> limits.limits(account.id()));
            assertEquals(List.of(domain), view.backedOff().stream().map(b -> b.domain()).toList());
        }
    }

    @Test
    void transactionalMailIsClaimedBeforeABulkBacklog() {
        List<Long> bulk = submit(Category.BULK, Priority.NORMAL, 120, domain);
        long transactional = submit(Category.TRANSACTIONAL, Priority.NORMAL, 1, domain).get(0);
        List<Claim> first = dispatch.claim("node", List.of(Priority.NORMAL), 50);
        assertTrue(first.stream().anyMatch(c -> c.deliveryId() == transactional), "the transactional mail leads the first block, ahead of "
                + bulk.size() + " older bulk mails");
        dispatch.send(first);
        dispatch.dispatchAll("node", ALL, 50);
        TestMailServer.awaitMessages(121, Duration.ofSeconds(30));
    }

    @Test
    void aRelaysConnectionsAreSlotsSharedByEveryInstance() throws Exception {
        int first = budget.connect(account.id(), 1, "instance-a", Duration.ofMinutes(1));
        Future<Integer> second = executor.submit(() -> budget.connect(account.id(), 1, "instance-b", Duration.ofSeconds(2)));
        Thread.sleep(1000);
        assertFalse(second.isDone(), "the relay's only connection is in use");
        budget.disconnected(account.id(), first, "instance-a");
        assertEquals(0, second.get(5, TimeUnit.SECONDS));
        // instance-b "crashes" holding the slot: it is free again once its lease has run out.
        long start = System.nanoTime();
        assertEquals(0, budget.connect(account.id(), 1, "instance-c", Duration.ofMinutes(1)));
        assertTrue(System.nanoTime() - start > 500_000_000L, "waited for the crashed holder's lease");
        budget.disconnected(account.id(), 0, "instance-c");
    }

    @Test
    void onlyTheAccountsAdminSetsLimitsAndEveryChangeIsLogged() throws Exception {
        SendLimits set = asAdmin(() -> {
            limits.setRelayLimits(account.id(), new RelayLimits(20, 4, 100));
            return limits.setDomainLimit(account.id(), " GMail.com ", 500);
        });
        assertEquals(new RelayLimits(20, 4, 100), set.relay());
        assertEquals("gmail.com", set.domains().get(0).domain());
        assertEquals(500, set.domains().get(0).recipientsPerHour());
        List<String> log = fixtures.adminLog(account.id());
        assertTrue(log.stream().anyMatch(l -> l.contains("limits.domain | gmail.com | null -> 500/h")), log.toString());
        assertTrue(log.stream().anyMatch(l -> l.contains("limits.relay") && l.contains("20 messages/s")), log.toString());

        InvalidLimitException notADomain = assertThrows(InvalidLimitException.class,
                () -> asAdmin(() -> limits.setDomainLimit(account.id(), "gmail", 5)));
        assertEquals("domain", notADomain.error().field());
        InvalidLimitException zero = assertThrows(InvalidLimitException.class,
                () -> asAdmin(() -> limits.setDomainLimit(account.id(), "gmail.com", 0)));
        assertEquals("recipientsPerHour", zero.error().field());
        InvalidLimitException noConnection = assertThrows(InvalidLimitException.class,
                () -> asAdmin(() -> limits.setRelayLimits(account.id(), new RelayLimits(null, 0, null))));
        assertEquals("maxConnections", noConnection.error().field());
        InvalidLimitException negative = assertThrows(InvalidLimitException.class,
                () -> asAdmin(() -> limits.setRelayLimits(account.id(), new RelayLimits(-1, null, null))));
        assertEquals("messagesPerSecond", negative.error().field());

        TestAccount theirs = fixtures.newAccount("limits-theirs");
        assertThrows(AccountAccessDeniedException.class, () -> asAdmin(() -> limits.setDomainLimit(theirs.id(), "gmail.com", 5)));
        assertThrows(AccountAccessDeniedException.class, () -> asAdmin(() -> limits.limits(theirs.id())));
        assertTrue(fixtures.adminLog(theirs.id()).isEmpty(), "nothing changed in the other account");
        String agent = fixtures.newUser(account.id(), "agent", UserRole.AGENT, PASSWORD);
        assertThrows(EJBAccessException.class, () -> as.call(agent, Set.of("AGENT"), () -> limits.limits(account.id())));
        assertThrows(EJBAccessException.class, () -> limits.limits(account.id()));

        SendLimits removed = asAdmin(() -> limits.removeDomainLimit(account.id(), "gmail.com"));
        assertTrue(removed.domains().isEmpty());
        assertNull(asAdmin(() -> limits.setRelayLimits(account.id(), RelayLimits.NONE)).relay().messagesPerSecond());
    }
}
