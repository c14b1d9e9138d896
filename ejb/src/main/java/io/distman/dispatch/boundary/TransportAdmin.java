package io.distman.dispatch.boundary;

import io.distman.account.boundary.AccountService;
import io.distman.account.boundary.Callers;
import io.distman.account.entity.Account;
import io.distman.account.entity.Caller;
import io.distman.account.entity.MailgunRegion;
import io.distman.account.entity.MailgunView;
import io.distman.account.entity.RelaySettings;
import io.distman.account.entity.RelayView;
import io.distman.account.entity.TransportKind;
import io.distman.adminlog.boundary.AdminLog;
import io.distman.dispatch.entity.RelayTestResult;
import io.distman.dispatch.entity.TransportMode;
import io.distman.dispatch.entity.TransportView;
import io.distman.platform.entity.NotFoundException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The account admin's transport: the installation's mail session, the account's own SMTP relay, or Mailgun,
 * and the relay's "test connection" before and after saving. Checks the caller against the account, then
 * hands the change to {@link AccountService} (which checks the settings) and records it in the admin log in the
 * same transaction, secrets only as "set" or "changed".
 */
@Stateless
@RolesAllowed("admin")
public class TransportAdmin {

    @PersistenceContext(unitName = "distman")
    EntityManager em;

    @EJB
    Callers callers;

    @EJB
    AccountService accounts;

    @EJB
    RelayCheck relayCheck;

    @EJB
    AdminLog log;

    public TransportView transport(long accountId) {
        callers.forAccount(accountId);
        return view(accountId);
    }

    /** Stores the relay and sends through it from now on; a null password keeps the stored one (same user). */
    public TransportView useSmtpRelay(long accountId, RelaySettings settings) {
        Caller caller = callers.forAccount(accountId);
        TransportView before = view(accountId);
        accounts.useSmtpRelay(accountId, settings);
        TransportView after = view(accountId);
        String password = settings.password() == null ? null
                : before.relay() == null || before.relay().passwordSetAt() == null ? "password set" : "password changed";
        log.record(accountId, caller.actor(), "transport.relay", null, TransportWording.describe(before),
                TransportWording.describe(after) + (password == null ? "" : ", " + password));
        return after;
    }

    /** Sends through Mailgun from now on; the API key is required each time (it is never shown again). */
    public TransportView useMailgun(long accountId, String apiKey, String domain, MailgunRegion region, String baseUrl) {
        Caller caller = callers.forAccount(accountId);
        TransportView before = view(accountId);
        accounts.useMailgun(accountId, apiKey, domain, region, baseUrl);
        TransportView after = view(accountId);
        log.record(accountId, caller.actor(), "transport.mailgun", null, TransportWording.describe(before),
                TransportWording.describe(after) + (before.mailgun() == null ? ", API key set" : ", API key changed"));
        return after;
    }

    /** Back to the installation's mail session; the account's relay settings are removed (Mailgun's are kept, unused). */
    public TransportView useInstallationMailSession(long accountId) {
        Caller caller = callers.forAccount(accountId);
        TransportView before = view(accountId);
        accounts.useInstallationMailSession(accountId);
        TransportView after = view(accountId);
        log.record(accountId, caller.actor(), "transport.installation", null, TransportWording.describe(before),
                TransportWording.describe(after));
        return after;
    }

    /** Tests the stored relay. Outside any transaction: a slow relay must not hold one open. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public RelayTestResult testStoredRelay(long accountId) {
        callers.forAccount(accountId);
        return relayCheck.test(accountId);
    }

    /** Tests settings before they are saved (a null password: the stored one, if the user is the stored relay's). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public RelayTestResult testRelay(long accountId, RelaySettings unsaved) {
        callers.forAccount(accountId);
        return relayCheck.test(accountId, unsaved);
    }

    private TransportView view(long accountId) {
        Account account = em.find(Account.class, accountId);
        if (account == null) {
            throw new NotFoundException("No account " + accountId);
        }
        RelayView relay = accounts.smtpRelay(accountId).orElse(null);
        MailgunView mailgun = accounts.mailgun(accountId).orElse(null);
        TransportMode mode = account.getTransport() == TransportKind.MAILGUN ? TransportMode.MAILGUN
                : relay != null ? TransportMode.RELAY : TransportMode.INSTALLATION;
        return new TransportView(mode, relay, mailgun);
    }
}
