package io.distman.testsupport;

import io.distman.message.boundary.DeliveryStatusChanged;
import io.distman.message.boundary.MessageSubmitted;
import io.distman.serial.boundary.SerialRecipientMailed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Observes the application's CDI events as a host platform would, with plain {@code @Observes}. */
@ApplicationScoped
public class RecordedEvents {

    // Constant-time appends: the benchmark sends tens of thousands of events through this observer.
    private final Queue<MessageSubmitted> submitted = new ConcurrentLinkedQueue<>();
    private final Queue<DeliveryStatusChanged> changed = new ConcurrentLinkedQueue<>();
    private final Queue<SerialRecipientMailed> mailed = new ConcurrentLinkedQueue<>();

    void onSubmitted(@Observes MessageSubmitted event) {
        submitted.add(event);
    }

    void onChanged(@Observes DeliveryStatusChanged event) {
        changed.add(event);
    }

    void onMailed(@Observes SerialRecipientMailed event) {
        mailed.add(event);
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
