package io.distman.dispatch.control;

import io.distman.dispatch.entity.OutgoingMail;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.Session;
import java.time.Duration;
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

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    private final ConcurrentMap<OutgoingMail.Relay, Session> sessions = new ConcurrentHashMap<>();

    /** @param relay the account's own relay, or null for the installation's mail session */
    public Session forRelay(OutgoingMail.Relay relay) {
        return sessions.computeIfAbsent(relay == null ? OutgoingMail.Relay.DEFAULT : relay, this::create);
    }

    /**
     * The installation's mail session, or one of the account's own relay (RelaySessions); both with
     * timeouts, because Jakarta Mail's default is to wait for ever on a silent server. Sessions of relays
     * whose settings changed stay in the map until redeployment: a few per change, never looked at again.
     */
    private Session create(OutgoingMail.Relay relay) {
        if (relay.host() != null) {
            return RelaySessions.session(relay, mailSession.getProperties(), CONNECT_TIMEOUT, READ_TIMEOUT);
        }
        Properties properties = new Properties();
        properties.putAll(mailSession.getProperties());
        properties.putIfAbsent("mail.smtp.connectiontimeout", String.valueOf(CONNECT_TIMEOUT.toMillis()));
        properties.putIfAbsent("mail.smtp.timeout", String.valueOf(READ_TIMEOUT.toMillis()));
        properties.putIfAbsent("mail.smtp.writetimeout", String.valueOf(READ_TIMEOUT.toMillis()));
        ConnectionSockets.install(properties);
        return Session.getInstance(properties);
    }

    /** A session for testing a relay, made each time (never cached) with the tester's shorter timeouts. */
    public Session forTest(OutgoingMail.Relay relay, Duration connect, Duration read) {
        return RelaySessions.session(relay, mailSession.getProperties(), connect, read);
    }
}
