package io.distman.dispatch.control;

import io.distman.dispatch.entity.OutgoingMail;
import io.distman.dispatch.entity.RelayTestResult;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Reaches a relay as dispatch will and stops before MAIL FROM: the name is resolved first (so DNS is named
 * as such), then Jakarta Mail connects, says EHLO, starts TLS as configured, authenticates, and QUITs.
 */
public final class RelayProbe {

    private RelayProbe() {
    }

    public static RelayTestResult probe(OutgoingMail.Relay relay, Session session) {
        try {
            InetAddress.getAllByName(relay.host());
        } catch (UnknownHostException e) {
            return RelayFailures.classify(e, relay.host(), relay.port(), relay.username());
        }
        Transport transport = null;
        try {
            transport = session.getTransport("smtp");
            transport.connect();
            String tls = transport instanceof SMTPTransport smtp && smtp.isSSL() ? "TLS" : "no TLS";
            return RelayTestResult.passed("Connected to " + relay.host() + ":" + relay.port() + " with " + tls
                    + (relay.username() == null ? ", no AUTH" : ", authenticated as " + relay.username()));
        } catch (MessagingException | RuntimeException e) {
            return RelayFailures.classify(e, relay.host(), relay.port(), relay.username());
        } finally {
            close(transport);
        }
    }

    private static void close(Transport transport) {
        try {
            if (transport != null && transport.isConnected()) {
                transport.close();
            }
        } catch (MessagingException e) {
            // the test already has its answer; a failing QUIT adds nothing
        }
    }
}
