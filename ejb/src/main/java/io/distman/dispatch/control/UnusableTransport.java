package io.distman.dispatch.control;

import io.distman.dispatch.entity.OutgoingMail;
import io.distman.dispatch.entity.SendOutcome;
import io.distman.dispatch.entity.SendResult;
import java.time.Clock;

/** The transport of an account whose way out cannot be used now: every delivery waits, with the reason. */
final class UnusableTransport implements MailTransport {

    private final OutgoingMail.Unusable route;
    private final Clock clock;

    UnusableTransport(OutgoingMail.Unusable route, Clock clock) {
        this.route = route;
        this.clock = clock;
    }

    @Override
    public SendResult send(OutgoingMail mail) {
        return new SendResult(mail.deliveryId(), SendOutcome.TEMPORARY_FAILURE, null, null, route.reason(),
                route.provider(), null, clock.instant());
    }

    @Override
    public void close() {
        // nothing was opened
    }
}
