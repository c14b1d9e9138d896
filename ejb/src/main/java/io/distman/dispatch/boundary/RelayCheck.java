package io.distman.dispatch.boundary;

import io.distman.account.boundary.AccountService;
import io.distman.account.entity.InvalidSettingsException;
import io.distman.account.entity.RelaySettings;
import io.distman.account.entity.SmtpRelay;
import io.distman.dispatch.control.MailSessions;
import io.distman.dispatch.control.RelayProbe;
import io.distman.dispatch.entity.OutgoingMail;
import io.distman.dispatch.entity.RelayStage;
import io.distman.dispatch.entity.RelayTestResult;
import io.distman.platform.boundary.SecretBox;
import io.distman.platform.boundary.Settings;
import io.distman.platform.entity.SecretBoxException;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;

/**
 * The "test connection" action for an account's own SMTP relay: connect, EHLO, STARTTLS or TLS as
 * configured (certificate checked), AUTH, QUIT, the way dispatch will, with short timeouts so an admin
 * waits at most {@code distman.relay.testTimeout} (default 15 s) per step. A failure names its step (DNS,
 * connect, TLS, SMTP, AUTH). No mail is sent.
 */
@Stateless
@PermitAll // reached by screens and REST only through TransportAdmin, which checks caller and account (ArchitectureTest keeps it so)
@TransactionAttribute(TransactionAttributeType.SUPPORTS) // a slow relay must not hold a transaction open
public class RelayCheck {

    @PersistenceContext(unitName = "distman")
    EntityManager em;

    @EJB
    SecretBox box;

    @EJB
    AccountService accounts;

    @Inject
    MailSessions sessions;


    /** Tests the relay the account has stored. */
    public RelayTestResult test(long accountId) {
        SmtpRelay stored = em.find(SmtpRelay.class, accountId);
        if (stored == null) {
            throw new InvalidSettingsException("relay", "account " + accountId + " has no SMTP relay of its own");
        }
        return test(new RelaySettings(stored.getHost(), stored.getPort(), stored.getSecurity(), stored.getUsername(),
                null), stored);
    }

    /**
     * Tests settings before they are saved. A null password uses the stored one when the user name is the
     * stored relay's (the form never shows it again).
     */
    public RelayTestResult test(long accountId, RelaySettings unsaved) {
        return test(accounts.checkedRelay(unsaved), em.find(SmtpRelay.class, accountId));
    }

    private RelayTestResult test(RelaySettings settings, SmtpRelay stored) {
        String password = settings.password();
        if (password == null && settings.username() != null) {
            if (stored == null || stored.getSealedPassword() == null || !settings.username().equals(stored.getUsername())) {
                throw new InvalidSettingsException("relay.password", "SMTP relay password: required for user " + settings.username());
            }
            try {
                password = box.open(stored.getSealedPassword(), SmtpRelay.purpose(stored.getAccountId()));
            } catch (SecretBoxException e) {
                return RelayTestResult.failed(RelayStage.AUTH, "The stored password cannot be opened: " + e.getMessage());
            }
        }
        Duration timeout = Settings.duration("distman.relay.testTimeout", Duration.ofSeconds(15));
        OutgoingMail.Relay relay = new OutgoingMail.Relay(settings.host(), settings.port(), settings.security(),
                settings.username(), password);
        return RelayProbe.probe(relay, sessions.forTest(relay, timeout, timeout));
    }
}
