package io.distman.testsupport;

import io.distman.message.boundary.DeliveryStatusChanged;
import io.distman.message.boundary.MessageSubmitted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Observes the application's CDI events as a host platform would, with plain {@code @Observes}. */
@ApplicationScoped
public class RecordedEvents {

    private final List<MessageSubmitted> submitted = new CopyOnWriteArrayList<>();
    private final List<DeliveryStatusChanged> changed = new CopyOnWriteArrayList<>();

    void onSubmitted(@Observes MessageSubmitted event) {
        submitted.add(event);
    }

    void onChanged(@Observes DeliveryStatusChanged event) {
        changed.add(event);
    }

    public List<MessageSubmitted> submitted(long messageId) {
        return submitted.stream().filter(e -> e.messageId() == messageId).toList();
    }

    public List<DeliveryStatusChanged> changes(long deliveryId) {
        return changed.stream().filter(e -> e.deliveryId() == deliveryId).toList();
    }
}
