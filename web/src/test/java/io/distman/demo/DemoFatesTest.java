package io.distman.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.message.entity.DeliveryStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo provider tells each tenant's story one step at a time, and every story ends. */
class DemoFatesTest {

    /** Follows the steps from ACCEPTED, as the provider's ticks would, and @return the records posted. */
    private static List<String> story(String address) {
        List<String> posted = new ArrayList<>();
        DemoPostmark recorder = new DemoPostmark() {
            @Override
            public void report(String accountCode, long deliveryId, String email, String recordType, Instant at) {
                posted.add(recordType);
            }

            @Override
            public void bounce(String accountCode, long deliveryId, String email, String type, String details, Instant at) {
                posted.add(type);
            }
        };
        DeliveryStatus status = DeliveryStatus.ACCEPTED;
        while (true) {
            var step = DemoFates.next(status, address);
            if (step.isEmpty()) {
                return posted;
            }
            step.get().report(recorder, "northside", 1, address, Instant.now());
            status = switch (posted.get(posted.size() - 1)) {
                case "Delivery" -> DeliveryStatus.DELIVERED;
                case "Open" -> DeliveryStatus.OPENED;
                case "Click" -> DeliveryStatus.CLICKED;
                default -> DeliveryStatus.FAILED;
            };
        }
    }

    @Test
    void everyStatusAfterSendingShowsUpSomewhere() {
        assertEquals(List.of("Delivery", "Open", "Click"), story("olivia.brown@tenant.example"));
        assertEquals(List.of("Delivery", "Open"), story("jack.wilson@tenant.example"));
        assertEquals(List.of("Delivery"), story("leo.walker@tenant.example"));
        assertEquals(List.of("HardBounce"), story("isla.evans@tenant.example"));
    }

    @Test
    void nothingIsReportedForMailThatWasNeverHandedOver() {
        for (DeliveryStatus status : List.of(DeliveryStatus.PENDING, DeliveryStatus.FAILED, DeliveryStatus.EMAIL_MISSING)) {
            assertTrue(DemoFates.next(status, "olivia.brown@tenant.example").isEmpty(), status.name());
        }
        assertTrue(DemoFates.next(DeliveryStatus.ACCEPTED, null).isEmpty());
    }
}
