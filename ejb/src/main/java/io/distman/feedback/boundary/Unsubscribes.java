package io.distman.feedback.boundary;

import io.distman.account.entity.Account;
import io.distman.feedback.control.FeedbackRecorder;
import io.distman.feedback.entity.FeedbackEvent;
import io.distman.message.entity.Delivery;
import io.distman.message.entity.DeliveryStatus;
import io.distman.platform.boundary.Secrets;
import io.distman.tracking.boundary.LinkTokens;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One-click unsubscribe (RFC 8058) from the signed link in a BULK mail's List-Unsubscribe header.
 * Looking at the link changes nothing (security scanners follow links); only the POST unsubscribes,
 * recorded as UNSUBSCRIBED on the delivery, which suppresses the address for BULK mail of the account.
 */
@Stateless
@PermitAll // unsubscribe links are authenticated by their signed token, not by a caller
public class Unsubscribes {

    @PersistenceContext(unitName = "distman")
    EntityManager em;

    @EJB
    Secrets secrets;

    @Inject
    FeedbackRecorder recorder;

    @Inject
    Clock clock;

    /** What the confirmation page shows: whose mail, to which address. */
    public record Target(String agency, String address, boolean alreadyUnsubscribed) {
    }

    public Optional<Target> target(String token) {
        return delivery(token).map(d -> new Target(em.find(Account.class, d.getAccountId()).getName(), d.getAddress(),
                d.getStatus() == DeliveryStatus.UNSUBSCRIBED));
    }

    /** @return false for a token that is not ours */
    public boolean unsubscribe(String token, String how) {
        FeedbackEvent event = new FeedbackEvent("UNSUBSCRIBE", FeedbackEvent.Locator.ofLink(LinkTokens.UNSUBSCRIBE, token),
                null, null, DeliveryStatus.UNSUBSCRIBED, clock.instant(), null, null, how, false, null,
                "unsubscribe:" + FeedbackEvent.DELIVERY, null);
        return recorder.record(List.of(event)).get(0).matched();
    }

    private Optional<Delivery> delivery(String token) {
        OptionalLong id = LinkTokens.verify(v -> secrets.verifying(LinkTokens.SECRET, v), LinkTokens.UNSUBSCRIBE, token);
        return id.isPresent() ? Optional.ofNullable(em.find(Delivery.class, id.getAsLong())) : Optional.empty();
    }
}
