package io.distman.dispatch.control;

import io.distman.dispatch.entity.OutgoingMail;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.Session;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One Jakarta Mail session per relay, made once: building a Session scans the class path for mail
 * providers, which inside GlassFish cost more than sending the mail (a profile of the dispatch
 * benchmark showed it at 12 % of the CPU when it was done per block). Sessions are thread-safe.
 */
@ApplicationScoped
public class MailSessions {

    @Resource(lookup = "mail/distman")
    Session mailSession;

    private final ConcurrentMap<OutgoingMail.Relay, Session> sessions = new ConcurrentHashMap<>();

    /** @param relay the account's own relay, or null for the installation's mail session */
    public Session forRelay(OutgoingMail.Relay relay) {
        return sessions.computeIfAbsent(relay == null ? OutgoingMail.Relay.DEFAULT : relay, this::create);
    }

    /**
     * The installation's mail session, or a copy pointed at the account's own relay; both with
     * timeouts, because Jakarta Mail's default is to wait for ever on a silent server.
     */
    private Session create(OutgoingMail.Relay relay) {
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
