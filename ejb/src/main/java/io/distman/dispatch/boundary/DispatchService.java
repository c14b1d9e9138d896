package io.distman.dispatch.boundary;

import io.distman.dispatch.control.AttemptRecorder;
import io.distman.dispatch.control.BlockProgress;
import io.distman.dispatch.control.MailTransport;
import io.distman.dispatch.control.MailTransports;
import io.distman.dispatch.control.OutgoingMailLoader;
import io.distman.dispatch.entity.Claim;
import io.distman.dispatch.entity.OutgoingMail;
import io.distman.dispatch.entity.SendResult;
import io.distman.message.entity.Priority;
import io.distman.platform.boundary.Settings;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Claims and sends blocks of deliveries. Neither step holds a database transaction while talking to
 * the provider: the claim commits first (the lease protects the rows), the results are recorded in
 * small transactions of their own as they come, under the claim's fencing token, while the leases of
 * the mail still to go are renewed. The batch job's reader and writer call these two steps.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@PermitAll // the dispatch job runs without a caller identity; it sends what is due, whoever asks
public class DispatchService {

    /** Results recorded per transaction: small, so a slow block's early results are on record early. */
    static final int DEFAULT_STEP = 10;
    static final Duration DEFAULT_STEP_INTERVAL = Duration.ofSeconds(5);

    @EJB
    DeliveryClaims claims;

    @EJB
    AttemptRecorder recorder;

    @Inject
    OutgoingMailLoader loader;

    @Inject
    MailTransports transports;

    @Inject
    Clock clock;

    /** Leases up to {@code limit} due deliveries of the given priorities to {@code owner}; urgent first. */
    public List<Claim> claim(String owner, Collection<Priority> priorities, int limit) {
        return claims.claim(owner, priorities, limit);
    }

    /** Sends claimed deliveries, one transport (SMTP connection, Mailgun domain) per route, and records every result. */
    public List<SendResult> send(List<Claim> block) {
        Map<OutgoingMail.Route, List<OutgoingMail>> byRoute = new LinkedHashMap<>();
        for (OutgoingMail mail : loader.load(block.stream().map(Claim::deliveryId).toList())) {
            byRoute.computeIfAbsent(mail.route(), r -> new ArrayList<>()).add(mail);
        }
        BlockProgress progress = new BlockProgress(block, recorder, claims, clock, new BlockProgress.Steps(
                (int) Settings.longValue("distman.dispatch.recordStep", DEFAULT_STEP),
                Settings.duration("distman.dispatch.recordInterval", DEFAULT_STEP_INTERVAL), DeliveryClaims.lease()));
        List<SendResult> results = new ArrayList<>();
        for (Map.Entry<OutgoingMail.Route, List<OutgoingMail>> route : byRoute.entrySet()) {
            try (MailTransport transport = transports.open(route.getKey())) {
                List<OutgoingMail> mails = route.getValue();
                for (int from = 0; from < mails.size(); from += transport.parallelism()) {
                    List<SendResult> sent = transport.sendAll(mails.subList(from,
                            Math.min(mails.size(), from + transport.parallelism())));
                    progress.sent(sent);
                    results.addAll(sent);
                }
            }
        }
        progress.finish();
        return results;
    }

    /**
     * Sends deliveries a user has just claimed ("send now") on a container thread, so the screen's request
     * returns at once. Should this fail, the lease runs out and the next sweep takes them, as after a crash.
     */
    @Asynchronous
    public void sendLater(String owner, List<Long> deliveryIds) {
        List<Claim> held = claims.heldBy(owner, deliveryIds);
        if (!held.isEmpty()) {
            send(held);
        }
    }

    /** Claims and sends block after block until nothing of these priorities is due. @return deliveries sent */
    public int dispatchAll(String owner, Collection<Priority> priorities, int blockSize) {
        int sent = 0;
        List<Claim> block;
        while (!(block = claim(owner, priorities, blockSize)).isEmpty()) {
            sent += send(block).size();
        }
        return sent;
    }

}
