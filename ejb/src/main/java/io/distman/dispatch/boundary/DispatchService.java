package io.distman.dispatch.boundary;

import io.distman.dispatch.control.AttemptRecorder;
import io.distman.dispatch.control.DeliveryClaims;
import io.distman.dispatch.control.MailTransport;
import io.distman.dispatch.control.OutgoingMailLoader;
import io.distman.dispatch.control.SmtpTransport;
import io.distman.dispatch.entity.OutgoingMail;
import io.distman.dispatch.entity.SendResult;
import io.distman.message.entity.Priority;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.mail.Session;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * Claims and sends blocks of deliveries. Neither step holds a database transaction while talking to
 * the provider: the claim commits first (the lease protects the rows), the results are recorded in
 * a transaction of their own afterwards. The batch job's reader and writer call these two steps.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DispatchService {

    @EJB
    DeliveryClaims claims;

    @EJB
    AttemptRecorder recorder;

    @Inject
    OutgoingMailLoader loader;

    @Inject
    Clock clock;

    @Resource(lookup = "mail/distman")
    Session mailSession;

    /** Leases up to {@code limit} due deliveries of the given priorities to {@code owner}; urgent first. */
    public List<Long> claim(String owner, Collection<Priority> priorities, int limit) {
        return claims.claim(owner, priorities, limit);
    }

    /** Sends claimed deliveries, one connection per relay, and records every result. */
    public List<SendResult> send(List<Long> deliveryIds) {
        Map<OutgoingMail.Relay, List<OutgoingMail>> byRelay = new LinkedHashMap<>();
        for (OutgoingMail mail : loader.load(deliveryIds)) {
            byRelay.computeIfAbsent(Objects.requireNonNullElse(mail.relay(), DEFAULT_RELAY), r -> new ArrayList<>()).add(mail);
        }
        List<SendResult> results = new ArrayList<>();
        for (Map.Entry<OutgoingMail.Relay, List<OutgoingMail>> relay : byRelay.entrySet()) {
            try (MailTransport transport = new SmtpTransport(sessionFor(relay.getKey()), clock)) {
                for (OutgoingMail mail : relay.getValue()) {
                    results.add(transport.send(mail));
                }
            }
        }
        recorder.record(results);
        return results;
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

    private static final OutgoingMail.Relay DEFAULT_RELAY = new OutgoingMail.Relay(null, null);

    /**
     * The installation's mail session, or a copy pointed at the account's own relay; both with
     * timeouts, because Jakarta Mail's default is to wait for ever on a silent server.
     */
    private Session sessionFor(OutgoingMail.Relay relay) {
        Properties properties = new Properties();
        properties.putAll(mailSession.getProperties());
        properties.putIfAbsent("mail.smtp.connectiontimeout", "10000");
        properties.putIfAbsent("mail.smtp.timeout", "60000");
        properties.putIfAbsent("mail.smtp.writetimeout", "60000");
        if (relay.host() != null) {
            properties.put("mail.smtp.host", relay.host());
            properties.put("mail.host", relay.host());
            if (relay.port() != null) {
                properties.put("mail.smtp.port", relay.port().toString());
            }
        }
        return Session.getInstance(properties);
    }
}
