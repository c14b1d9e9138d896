package io.distman.demo;

import io.distman.message.entity.DeliveryStatus;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What becomes of each demo tenant's mail once it was handed over, decided by the address so a demo run is the
 * same every time: Isla's mailbox does not exist (a hard bounce), Olivia, Jack, Noah and yesterday's eighth
 * tenant open their mail and Olivia clicks its link; everyone else's is just delivered.
 */
final class DemoFates {

    private static final String BOUNCES = "isla.evans@";
    private static final Set<String> OPENS = Set.of("olivia.brown@", "jack.wilson@", "noah.thomas@", "tenant8.");
    private static final String CLICKS = "olivia.brown@";

    /** One step a provider reports. */
    interface Step {
        void report(DemoPostmark postmark, String accountCode, long deliveryId, String address, Instant at);
    }

    private DemoFates() {
    }

    /** @return the report that follows {@code status} for mail to {@code address}; empty when its story has ended */
    static Optional<Step> next(DeliveryStatus status, String address) {
        if (address == null) {
            return Optional.empty();
        }
        String to = address.toLowerCase(Locale.ROOT);
        return switch (status) {
            case ACCEPTED -> Optional.of(to.startsWith(BOUNCES)
                    ? (p, account, id, a, at) -> p.bounce(account, id, a, "HardBounce",
                            "smtp;550 5.1.1 <" + a + ">: Recipient address rejected: User unknown in virtual mailbox table", at)
                    : (p, account, id, a, at) -> p.report(account, id, a, "Delivery", at));
            case DELIVERED -> OPENS.stream().anyMatch(to::startsWith)
                    ? Optional.of((p, account, id, a, at) -> p.report(account, id, a, "Open", at)) : Optional.empty();
            case OPENED -> to.startsWith(CLICKS)
                    ? Optional.of((p, account, id, a, at) -> p.report(account, id, a, "Click", at)) : Optional.empty();
            default -> Optional.empty();
        };
    }
}
