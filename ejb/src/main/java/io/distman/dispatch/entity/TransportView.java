package io.distman.dispatch.entity;

import io.distman.account.entity.MailgunView;
import io.distman.account.entity.RelayView;

/**
 * An account's transport as the admin screen and the REST API show it: which way mail leaves, and the stored
 * relay and Mailgun settings (either may be kept while the other is in use). Secrets only as when they were set.
 *
 * @param mode {@code INSTALLATION} (the installation's mail session), {@code RELAY} or {@code MAILGUN}
 */
public record TransportView(TransportMode mode, RelayView relay, MailgunView mailgun) {
}
