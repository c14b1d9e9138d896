package io.distman.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.dispatch.boundary.DispatchService;
import io.distman.dispatch.entity.Claim;
import io.distman.message.entity.Delivery;
import io.distman.message.entity.DeliveryEvent;
import io.distman.message.entity.Category;
import io.distman.message.entity.DeliveryStatus;
import io.distman.message.entity.Priority;
import io.distman.submission.entity.SubmitReceipt;
import io.distman.submission.entity.SubmitRequest;
import io.distman.testsupport.Deployments;
import io.distman.testsupport.Mails;
import io.distman.testsupport.SmtpSink;
import io.distman.testsupport.TestMailServer;
import io.distman.testsupport.ejb.Fixtures.TestAccount;
import io.distman.testsupport.ejb.Fixtures;
import io.distman.testsupport.ejb.TestModule;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Claims: concurrent dispatchers get disjoint blocks, and a crashed dispatcher's lease expires with no loss and no duplicate. */
@ExtendWith(ArquillianExtension.class)
public class LeaseIT {

    private static final List<Priority> ALL = List.of(Priority.URGENT, Priority.NORMAL);
    private static final int SLOW_RELAY_PORT = 2526;

    @Deployment
    public static EnterpriseArchive deployment() {
        return Deployments.ear(LeaseIT.class);
    }

    @EJB
    TestModule manager;

    @EJB
    DispatchService dispatch;

    @EJB
    Fixtures fixtures;

    @Resource
    ManagedExecutorService executor;

    TestAccount account;

    @BeforeEach
    void setUp() {
        TestMailServer.reset();
        account = fixtures.newAccount("lease");
    }

    @AfterEach
    void restoreSettings() {
        System.clearProperty("distman.dispatch.lease");
    }

    private SubmitReceipt submit(String... bcc) {
        return manager.submit(SubmitRequest.builder().account(account.code()).raisedBy("anna").category(Category.BULK)
                .sender("news@northside.example", "Northside").bcc(bcc).subject("Newsletter").text("News.").build());
    }

    @Test
    void aCrashedDispatchersDeliveriesAreSentOnceItsLeaseExpires() throws Exception {
        System.setProperty("distman.dispatch.lease", "PT3S");
        String[] recipients = {Fixtures.address("a"), Fixtures.address("b"), Fixtures.address("c")};
        SubmitReceipt receipt = submit(recipients);
        Set<Long> ours = ids(receipt);

        // The "crashed" node claims and then never sends nor records anything.
        List<Long> claimedByCrashed = new ArrayList<>();
        List<Claim> block;
        while (!(block = dispatch.claim("crashed-node", ALL, 50)).isEmpty()) {
            block.forEach(claim -> claimedByCrashed.add(claim.deliveryId()));
        }
        assertTrue(claimedByCrashed.containsAll(ours));
        ours.forEach(id -> assertEquals(DeliveryStatus.SENDING, fixtures.delivery(id).getStatus()));

        assertEquals(0, dispatch.dispatchAll("survivor", ALL, 50), "a live lease is respected");
        Thread.sleep(3500);
        dispatch.dispatchAll("survivor", ALL, 50);

        TestMailServer.awaitMessages(3, Duration.ofSeconds(10));
        for (long id : ours) {
            assertEquals(1, Mails.copies(fixtures.delivery(id).getMessageIdHeader()), "exactly one copy of delivery " + id);
        }
        for (long id : ours) {
            assertEquals(DeliveryStatus.ACCEPTED, fixtures.delivery(id).getStatus());
            assertEquals(2, fixtures.delivery(id).getAttempts(), "the crashed attempt counts");
        }
    }

    @Test
    void concurrentClaimersGetDisjointBlocks() throws Exception {
        String[] recipients = new String[150];
        for (int i = 0; i < recipients.length; i++) {
            recipients[i] = Fixtures.address("r" + i);
        }
        Set<Long> ours = ids(submit(recipients));
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Claim>>> claimers = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            String owner = "node-" + c;
            Callable<List<Claim>> claimer = () -> {
                start.await();
                List<Claim> mine = new ArrayList<>();
                List<Claim> block;
                while (!(block = dispatch.claim(owner, ALL, 20)).isEmpty()) {
                    mine.addAll(block);
                }
                return mine;
            };
            claimers.add(executor.submit(claimer));
        }
        start.countDown();
        Set<Long> union = new HashSet<>();
        int total = 0;
        for (Future<List<Claim>> claimer : claimers) {
            List<Claim> mine = claimer.get();
            total += mine.size();
            mine.forEach(claim -> union.add(claim.deliveryId()));
            dispatch.send(mine);
        }
        assertEquals(union.size(), total, "no delivery was claimed twice");
        assertTrue(union.containsAll(ours), "every delivery was claimed");
        TestMailServer.awaitMessages(recipients.length, Duration.ofSeconds(30));
        for (long id : ours) {
            assertEquals(DeliveryStatus.ACCEPTED, fixtures.delivery(id).getStatus());
            assertEquals(1, fixtures.delivery(id).getAttempts());
            assertEquals(1, Mails.copies(fixtures.delivery(id).getMessageIdHeader()), "exactly one copy of delivery " + id);
        }
    }

    @Test
    void aLateSendersResultNeitherOverwritesTheNewerClaimNorFailsItsBlock() throws Exception {
        System.setProperty("distman.dispatch.lease", "PT2S");
        Set<Long> ours = ids(submit(Fixtures.address("late1"), Fixtures.address("late2")));
        List<Claim> late = claimAll("slow-node");
        assertEquals(ours, late.stream().map(Claim::deliveryId).collect(Collectors.toSet()));

        Thread.sleep(2500); // the slow node's lease runs out before it gets round to sending
        assertEquals(2, dispatch.dispatchAll("fast-node", ALL, 50), "the fast node takes the expired claims over");
        TestMailServer.awaitMessages(2, Duration.ofSeconds(10));
        // The slow node now sends after all (the wire sees a second copy, with the same Message-ID) and records:
        // its results are fenced out, with no exception and nothing undone.
        assertEquals(2, dispatch.send(late).size());
        TestMailServer.awaitMessages(4, Duration.ofSeconds(10));

        for (long id : ours) {
            Delivery d = fixtures.delivery(id);
            assertEquals(DeliveryStatus.ACCEPTED, d.getStatus());
            assertEquals(2, d.getAttempts());
            assertNull(d.getLeaseUntil());
            List<String> keys = fixtures.events(id).stream().map(DeliveryEvent::getDedupeKey).toList();
            assertTrue(keys.contains("attempt:" + id + ":2"), keys.toString());
            assertFalse(keys.contains("attempt:" + id + ":1"), "the overtaken attempt records nothing: " + keys);
            assertEquals(2, Mails.copies(d.getMessageIdHeader()), "both copies carry the one Message-ID");
        }
    }

    @Test
    void leasesAreRenewedWhileASlowBlockIsInFlight() throws Exception {
        // Ten mails at over a second each take longer than the 6 s lease; renewals keep a rival claimer off them.
        System.setProperty("distman.dispatch.lease", "PT6S");
        String[] recipients = new String[10];
        for (int i = 0; i < recipients.length; i++) {
            recipients[i] = Fixtures.address("slow" + i);
        }
        Set<Long> ours = ids(submit(recipients));
        fixtures.useRelay(account.id(), "127.0.0.1", SLOW_RELAY_PORT);
        try (SmtpSink sink = SmtpSink.start(SLOW_RELAY_PORT, "-w", "1")) {
            List<Claim> block = claimAll("slow-node");
            assertTrue(block.stream().map(Claim::deliveryId).collect(Collectors.toSet()).containsAll(ours));
            AtomicBoolean sending = new AtomicBoolean(true);
            Future<List<Claim>> rival = executor.submit(() -> {
                List<Claim> taken = new ArrayList<>();
                while (sending.get()) {
                    taken.addAll(dispatch.claim("rival-node", ALL, 50));
                    Thread.sleep(300);
                }
                return taken;
            });
            long started = System.nanoTime();
            try {
                dispatch.send(block);
            } finally {
                sending.set(false);
            }
            assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() >= 6, "the block outlasted one lease");
            // The rival claims whatever else is due in the shared database too (mail that earlier test classes left
            // to retry, notifications), and re-claims it when its own leases lapse; only this block is judged.
            List<Claim> ofTheBlock = rival.get().stream().filter(claim -> ours.contains(claim.deliveryId())).toList();
            assertEquals(List.of(), ofTheBlock, "no delivery of the block in flight was claimed by another dispatcher");
        }
        for (long id : ours) {
            Delivery d = fixtures.delivery(id);
            assertEquals(DeliveryStatus.ACCEPTED, d.getStatus(), d.getStatusDetail());
            assertEquals(1, d.getAttempts());
        }
    }

    private List<Claim> claimAll(String owner) {
        List<Claim> claimed = new ArrayList<>();
        List<Claim> block;
        while (!(block = dispatch.claim(owner, ALL, 50)).isEmpty()) {
            claimed.addAll(block);
        }
        return claimed;
    }

    private static Set<Long> ids(SubmitReceipt receipt) {
        Set<Long> ids = new HashSet<>();
        receipt.deliveries().forEach(d -> ids.add(d.deliveryId()));
        return ids;
    }
}
