package io.distman.testsupport;

import io.distman.message.boundary.DeliveryStatusChanged;
import io.distman.message.boundary.MessageSubmitted;
import io.distman.serial.boundary.SerialRecipientMailed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/** Observes the application's CDI events as a host platform would, with plain {@code @Observes}. */
@ApplicationScoped
public class RecordedEvents {

    /**
     * The most recent events kept of each kind: every test deployment has this observer, and a benchmark sends
     * hundreds of thousands of events through it; kept all, they filled the bench server's heap (old generation at
     * 99.9 % during UrgentLaneBench) and the figures measured its garbage collector. A test looks at its own, recent ones.
     */
    static final int KEPT = 20_000;

    // Constant-time appends: the benchmark sends tens of thousands of events through this observer.
    private final Queue<MessageSubmitted> submitted = new ConcurrentLinkedQueue<>();
    private final Queue<DeliveryStatusChanged> changed = new ConcurrentLinkedQueue<>();
    private final Queue<SerialRecipientMailed> mailed = new ConcurrentLinkedQueue<>();
    private final AtomicInteger submittedCount = new AtomicInteger();
    private final AtomicInteger changedCount = new AtomicInteger();
    private final AtomicInteger mailedCount = new AtomicInteger();

    void onSubmitted(@Observes MessageSubmitted event) {
        keep(submitted, submittedCount, event);
    }

    void onChanged(@Observes DeliveryStatusChanged event) {
        keep(changed, changedCount, event);
    }

    void onMailed(@Observes SerialRecipientMailed event) {
        keep(mailed, mailedCount, event);
    }

    private static <T> void keep(Queue<T> events, AtomicInteger count, T event) {
        events.add(event);
        if (count.incrementAndGet() > KEPT && events.poll() != null) {
            count.decrementAndGet();
        }
    }

    /** The activity events of one serial mailing, one per contact it handled. */
    public List<SerialRecipientMailed> mailed(long mailingId) {
        return mailed.stream().filter(e -> e.mailingId() == mailingId).toList();
    }

    public List<MessageSubmitted> submitted(long messageId) {
        return submitted.stream().filter(e -> e.messageId() == messageId).toList();
    }

    public List<DeliveryStatusChanged> changes(long deliveryId) {
        return changed.stream().filter(e -> e.deliveryId() == deliveryId).toList();
    }
}
