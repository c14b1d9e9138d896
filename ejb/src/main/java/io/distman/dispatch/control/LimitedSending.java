package io.distman.dispatch.control;

import io.distman.dispatch.entity.OutgoingMail;
import io.distman.dispatch.entity.SendResult;
import io.distman.ratelimit.boundary.SendBudget;
import io.distman.ratelimit.entity.AccountRelayLimits;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Sends one route's mail within its accounts' relay limits: a fresh connection after the relay's recipients per
 * connection, and no faster than its messages per second (counted across instances). Without limits the route's
 * transport sends the whole list its own way (Mailgun overlaps requests).
 */
@Dependent
public class LimitedSending {

    @Inject
    MailTransports transports;

    @EJB
    SendBudget budget;

    public List<SendResult> send(OutgoingMail.Route route, List<OutgoingMail> mails) {
        Map<Long, AccountRelayLimits> limits = budget.relayLimits(mails.stream().map(OutgoingMail::deliveryId).toList());
        if (limits.isEmpty()) {
            try (MailTransport transport = transports.open(route)) {
                return transport.sendAll(mails);
            }
        }
        int perConnection = limits.values().stream().map(l -> l.limits().recipientsPerConnection())
                .filter(Objects::nonNull).min(Integer::compare).orElse(mails.size());
        List<SendResult> results = new ArrayList<>(mails.size());
        for (int from = 0; from < mails.size(); from += perConnection) {
            try (MailTransport transport = transports.open(route)) {
                for (OutgoingMail mail : mails.subList(from, Math.min(mails.size(), from + perConnection))) {
                    AccountRelayLimits account = limits.get(mail.deliveryId());
                    if (account != null && account.limits().messagesPerSecond() != null) {
                        budget.pace(account.accountId(), account.limits().messagesPerSecond());
                    }
                    results.add(transport.send(mail));
                }
            }
        }
        return results;
    }
}
