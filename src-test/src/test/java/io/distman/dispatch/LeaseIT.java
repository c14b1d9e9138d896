package io.distman.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.dispatch.boundary.DispatchService;
import io.distman.message.entity.Category;
import io.distman.message.entity.DeliveryStatus;
import io.distman.message.entity.Priority;
import io.distman.submission.entity.SubmitReceipt;
import io.distman.submission.entity.SubmitRequest;
import io.distman.testsupport.Deployments;
import io.distman.testsupport.Mails;
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
        List<Long> block;
        while (!(block = dispatch.claim("crashed-node", ALL, 50)).isEmpty()) {
            claimedByCrashed.addAll(block);
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
        List<Future<List<Long>>> claimers = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            String owner = "node-" + c;
            Callable<List<Long>> claimer = () -> {
                start.await();
                List<Long> mine = new ArrayList<>();
                List<Long> block;
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
        for (Future<List<Long>> claimer : claimers) {
            List<Long> mine = claimer.get();
            total += mine.size();
            union.addAll(mine);
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

    private static Set<Long> ids(SubmitReceipt receipt) {
        Set<Long> ids = new HashSet<>();
        receipt.deliveries().forEach(d -> ids.add(d.deliveryId()));
        return ids;
    }
}
