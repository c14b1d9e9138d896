package io.distman.dispatch.boundary;

import io.distman.dispatch.control.AttemptRecorder;
import io.distman.dispatch.control.LimitReplies;
import io.distman.dispatch.control.LimitedSending;
import io.distman.dispatch.control.OutgoingMailLoader;
import io.distman.dispatch.entity.OutgoingMail;
import io.distman.dispatch.entity.SendResult;
import io.distman.message.entity.Priority;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Claims and sends blocks of deliveries. Neither step holds a database transaction while talking to
 * the provider: the claim commits first (the lease protects the rows), the results are recorded in
 * a transaction of their own afterwards. The batch job's reader and writer call these two steps.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@PermitAll // the dispatch job runs without a caller identity; it sends what is due, whoever asks
public class DispatchService {

    @EJB
    DeliveryClaims claims;

    @EJB
    AttemptRecorder recorder;

    @Inject
    OutgoingMailLoader loader;

    @Inject
    LimitedSending sending;

    @Inject
    LimitReplies limits;

    /** Leases up to {@code limit} due deliveries of the given priorities to {@code owner}; urgent first. */
    public List<Long> claim(String owner, Collection<Priority> priorities, int limit) {
        return claims.claim(owner, priorities, limit);
    }

    /**
     * Sends claimed deliveries, one transport (SMTP connection, Mailgun domain) per route and relay limit, records
     * every result and tells the rate limits what the receivers said.
     */
    public List<SendResult> send(List<Long> deliveryIds) {
        Map<OutgoingMail.Route, List<OutgoingMail>> byRoute = new LinkedHashMap<>();
        for (OutgoingMail mail : loader.load(deliveryIds)) {
            byRoute.computeIfAbsent(mail.route(), r -> new ArrayList<>()).add(mail);
        }
        List<SendResult> results = new ArrayList<>();
        for (Map.Entry<OutgoingMail.Route, List<OutgoingMail>> route : byRoute.entrySet()) {
            results.addAll(sending.send(route.getKey(), route.getValue())); // within the relay's limits
        }
        recorder.record(results);
        limits.observe(results);
        return results;
    }

    /**
     * Sends deliveries already claimed (a user's "send now") on a container thread, so the screen's request
     * returns at once. Should this fail, the lease runs out and the next sweep takes them, as after a crash.
     */
    @Asynchronous
    public void sendLater(List<Long> deliveryIds) {
        if (!deliveryIds.isEmpty()) {
            send(deliveryIds);
        }
    }

    /** Claims and sends block after block until nothing of these priorities is due. @return deliveries sent */
    public int dispatchAll(String owner, Collection<Priority> priorities, int blockSize) {
        int sent = 0;
        List<Long> block;
        while (!(block = claim(owner, priorities, blockSize)).isEmpty()) {
            sent += send(block).size();
        }
        return sent;
    }

}
