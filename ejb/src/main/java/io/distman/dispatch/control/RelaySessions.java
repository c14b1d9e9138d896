package io.distman.dispatch.control;

import io.distman.account.entity.RelaySecurity;
import io.distman.dispatch.entity.OutgoingMail;
import jakarta.mail.Authenticator;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import java.time.Duration;
import java.util.Properties;

/**
 * The Jakarta Mail session for an account's own relay. It starts from nothing (not from the installation's
 * session, whose relay settings or credentials must not leak into it) but the EHLO name. TLS is required
 * as configured (STARTTLS must be offered, never skipped) and the certificate checked against the JVM's
 * trust store (GlassFish: {@code domains/<domain>/config/cacerts.jks}) and against the host name.
 */
final class RelaySessions {

    private RelaySessions() {
    }

    static Session session(OutgoingMail.Relay relay, Properties installation, Duration connect, Duration read) {
        Properties p = new Properties();
        if (installation.getProperty("mail.smtp.localhost") != null) {
            p.put("mail.smtp.localhost", installation.getProperty("mail.smtp.localhost"));
        }
        p.put("mail.transport.protocol", "smtp");
        p.put("mail.smtp.host", relay.host());
        p.put("mail.smtp.port", String.valueOf(relay.port()));
        p.put("mail.smtp.connectiontimeout", String.valueOf(connect.toMillis()));
        p.put("mail.smtp.timeout", String.valueOf(read.toMillis()));
        p.put("mail.smtp.writetimeout", String.valueOf(read.toMillis()));
        if (relay.security() == RelaySecurity.STARTTLS) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
        } else if (relay.security() == RelaySecurity.TLS) {
            p.put("mail.smtp.ssl.enable", "true");
        }
        p.put("mail.smtp.ssl.checkserveridentity", "true");
        ConnectionSockets.install(p);
        if (relay.username() == null) {
            return Session.getInstance(p);
        }
        p.put("mail.smtp.auth", "true");
        p.put("mail.smtp.user", relay.username());
        PasswordAuthentication credentials = new PasswordAuthentication(relay.username(), relay.password());
        return Session.getInstance(p, new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return credentials;
            }
        });
    }
}
