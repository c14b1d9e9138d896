package io.distman.preference.entity;

import io.distman.message.entity.Delivery;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The dispatcher's question, just before it sends a block (a CDI event, in the claim's transaction): has any of these
 * recipients opted out somewhere other than our preference store since the mail was queued? A serial mailing's contact
 * may have opted out in the host's directory after the mailing was created (a scheduled one waits for days); the
 * preference store is asked by the dispatcher itself. Observers answer with {@link #optedOut}; the dispatcher then
 * treats the delivery as {@link Treatment#of(RecipientPreference, boolean, io.distman.message.entity.Category,
 * io.distman.message.entity.Priority)} says for an opt-out elsewhere (BULK: not sent; ESSENTIAL: sent, noted).
 */
public final class OptOutsElsewhere {

    private final List<Delivery> deliveries;
    private final Map<Long, String> optedOut = new HashMap<>();

    public OptOutsElsewhere(List<Delivery> deliveries) {
        this.deliveries = List.copyOf(deliveries);
    }

    /** The deliveries about to be sent (TRANSACTIONAL mail is not asked about: no opt-out applies to it). */
    public List<Delivery> deliveries() {
        return deliveries;
    }

    /** @param where where the recipient opted out, for the timeline ("in the directory") */
    public void optedOut(long deliveryId, String where) {
        optedOut.putIfAbsent(deliveryId, where);
    }

    /** @return where the delivery's recipient opted out, if an observer said so */
    public Optional<String> whereOptedOut(long deliveryId) {
        return Optional.ofNullable(optedOut.get(deliveryId));
    }
}
