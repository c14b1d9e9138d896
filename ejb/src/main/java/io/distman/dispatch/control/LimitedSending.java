package io.distman.dispatch.control;

import io.distman.dispatch.boundary.DeliveryClaims;
import io.distman.dispatch.entity.OutgoingMail;
import io.distman.dispatch.entity.SendResult;
import io.distman.ratelimit.boundary.SendBudget;
import io.distman.ratelimit.entity.AccountRelayLimits;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Sends one route's mail within its accounts' relay limits: no more connections at once than the relay allows, a
 * fresh connection after its recipients per connection, and no faster than its messages per second (connections and
 * messages counted across instances). Each connection sends in
 * steps of its transport's parallelism (Mailgun overlaps requests), whose results go to the block's recorder.
 */
@Dependent
public class LimitedSending {

    @Inject
    MailTransports transports;

    @EJB
    SendBudget budget;

    /** Who holds this sender's connection slots. */
    private final String holder = "sender-" + UUID.randomUUID();

    /** Sends the route's mail, handing each group of results (one per transport step) to {@code sent} as it comes. */
    public void send(OutgoingMail.Route route, List<OutgoingMail> mails, Consumer<List<SendResult>> sent) {
        Map<Long, AccountRelayLimits> limits = budget.relayLimits(mails.stream().map(OutgoingMail::deliveryId).toList());
        int perConnection = limits.values().stream().map(l -> l.limits().recipientsPerConnection())
                .filter(Objects::nonNull).min(Integer::compare).orElse(mails.size());
        for (int from = 0; from < mails.size(); from += perConnection) {
            List<OutgoingMail> connection = mails.subList(from, Math.min(mails.size(), from + perConnection));
            Map<Long, Integer> slots = connect(connection, limits);
            try (MailTransport transport = transports.open(route)) {
                for (int step = 0; step < connection.size(); step += transport.parallelism()) {
                    List<OutgoingMail> chunk = connection.subList(step, Math.min(connection.size(), step + transport.parallelism()));
                    for (OutgoingMail mail : chunk) {
                        AccountRelayLimits account = limits.get(mail.deliveryId());
                        if (account != null && account.limits().messagesPerSecond() != null) {
                            budget.pace(account.accountId(), account.limits().messagesPerSecond());
                        }
                    }
                    sent.accept(transport.sendAll(chunk));
                }
            } finally {
                slots.forEach((accountId, slot) -> budget.disconnected(accountId, slot, holder));
            }
        }
    }

    /**
     * Takes a connection slot of each account of these mails that limits its connections, in account order (so two
     * senders of the same accounts never wait on each other crosswise). @return the slots taken, by account
     */
    private Map<Long, Integer> connect(List<OutgoingMail> connection, Map<Long, AccountRelayLimits> limits) {
        Map<Long, Integer> maxima = new TreeMap<>();
        for (OutgoingMail mail : connection) {
            AccountRelayLimits account = limits.get(mail.deliveryId());
            if (account != null && account.limits().maxConnections() != null) {
                maxima.put(account.accountId(), account.limits().maxConnections());
            }
        }
        Map<Long, Integer> slots = new TreeMap<>();
        // A slot is kept at most as long as a claim: a crashed sender's is free again with its mail.
        maxima.forEach((accountId, max) -> slots.put(accountId, budget.connect(accountId, max, holder,
                DeliveryClaims.lease())));
        return slots;
    }

}
