package io.distman.feedback.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.feedback.control.InboundLimits;
import io.distman.feedback.entity.BounceOutcome;
import jakarta.ejb.EJBException;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One message of the bounce mailbox that hangs, throws or is over the size cap is kept as unreadable with its
 * reason and the job can move on: BounceMailbox with a stand-in for the recording and a real thread pool behind the
 * managed executor's ExecutorService methods.
 */
class BounceMailboxTest {

    private static final BounceOutcome RECORDED = new BounceOutcome("bounce", 1, 1, false);

    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final List<String> keptUnreadable = new ArrayList<>();
    private BounceMailbox mailbox;

    /** Records nothing: does what the test says, and notes what is kept as unreadable. */
    private final class Recording extends BounceIngestion {
        private final Runnable behaviour;

        Recording(Runnable behaviour) {
            this.behaviour = behaviour;
        }

        @Override
        public BounceOutcome receive(byte[] rawMime) {
            behaviour.run();
            return RECORDED;
        }

        @Override
        public BounceOutcome keepUnreadable(byte[] rawMime, String error) {
            keptUnreadable.add(error);
            return new BounceOutcome("unreadable", 0, 0, false);
        }
    }

    @BeforeEach
    void setUp() {
        System.setProperty(InboundLimits.RECORD_TIMEOUT, "PT0.3S");
        mailbox = new BounceMailbox();
        mailbox.executor = (ManagedExecutorService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ManagedExecutorService.class}, (proxy, method, args) -> {
                    try {
                        return method.invoke(pool, args); // the ExecutorService methods are all BounceMailbox uses
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @AfterEach
    void tearDown() {
        System.clearProperty(InboundLimits.RECORD_TIMEOUT);
        pool.shutdownNow();
    }

    @Test
    void aRecordedMessageIsTheOutcome() {
        mailbox.ingestion = new Recording(() -> { });
        assertEquals(RECORDED, mailbox.take(new byte[] {1}, null));
        assertTrue(keptUnreadable.isEmpty());
    }

    @Test
    void aMessageThatHangsIsKeptUnreadableOnceItsTimeIsUp() throws InterruptedException {
        mailbox.ingestion = new Recording(() -> {
            try {
                Thread.sleep(TimeUnit.MINUTES.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertEquals("unreadable", mailbox.take(new byte[] {1}, null).kind());
        assertEquals(List.of("not recorded within PT0.3S (distman.inbound.recordTimeout)"), keptUnreadable);
    }

    @Test
    void aMessageWhoseRecordingThrowsIsKeptUnreadableWithTheError() {
        mailbox.ingestion = new Recording(() -> {
            throw new EJBException(new IllegalStateException("no such charset"));
        });
        assertEquals("unreadable", mailbox.take(new byte[] {1}, null).kind());
        assertEquals(List.of("java.lang.IllegalStateException: no such charset"), keptUnreadable);
    }

    @Test
    void aRefusedMessageIsKeptWithItsReasonAndNotRecorded() {
        mailbox.ingestion = new Recording(() -> {
            throw new AssertionError("a refused message must not be classified");
        });
        assertEquals("unreadable", mailbox.take(new byte[] {1}, "over the cap").kind());
        assertEquals(List.of("over the cap"), keptUnreadable);
    }
}
