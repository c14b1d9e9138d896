package io.distman.dispatch.boundary;

import io.distman.account.entity.MailgunView;
import io.distman.account.entity.RelayView;
import io.distman.dispatch.entity.TransportView;

/** A transport as the admin log reads it ("relay smtp.x.org:587 STARTTLS AUTH billing"); never a secret. */
final class TransportWording {

    private TransportWording() {
    }

    static String describe(TransportView transport) {
        return switch (transport.mode()) {
            case INSTALLATION -> "installation mail session";
            case RELAY -> relay(transport.relay());
            case MAILGUN -> mailgun(transport.mailgun());
        };
    }

    private static String relay(RelayView r) {
        return "relay " + r.host() + ":" + r.port() + " " + r.security() + (r.username() == null ? " no AUTH" : " AUTH " + r.username());
    }

    private static String mailgun(MailgunView m) {
        return "Mailgun " + m.domain() + " " + m.region() + (m.baseUrl() == null ? "" : " " + m.baseUrl());
    }
}
