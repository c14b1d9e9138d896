package io.distman.feedback.boundary;

import io.distman.account.boundary.Callers;
import io.distman.account.entity.Account;
import io.distman.account.entity.Caller;
import io.distman.account.entity.InvalidSettingsException;
import io.distman.adminlog.boundary.AdminLog;
import io.distman.feedback.entity.WebhookCredentialView;
import io.distman.feedback.entity.WebhookSetup;
import io.distman.platform.entity.NotFoundException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The account admin's webhook credentials per provider and the URL to paste into each provider's console,
 * for the screen and the REST API: checks the caller against the account, stores through
 * {@link WebhookSettings} and records each change in the admin log in the same transaction — a secret only as
 * "set" or "changed".
 */
@Stateless
@RolesAllowed("admin")
public class WebhookAdmin {

    @PersistenceContext(unitName = "distman")
    EntityManager em;

    @EJB
    Callers callers;

    @EJB
    WebhookSettings settings;

    @EJB
    AdminLog log;

    /** Every provider, in {@link WebhookIngestion#PROVIDERS}' order, with the account's own credential if any. */
    public List<WebhookSetup> webhooks(long accountId) {
        callers.forAccount(accountId);
        String code = account(accountId).getCode();
        Map<String, WebhookCredentialView> own = settings.credentials(accountId).stream()
                .collect(Collectors.toMap(WebhookCredentialView::provider, Function.identity()));
        return WebhookIngestion.PROVIDERS.stream().map(provider -> {
            WebhookCredentialView credential = own.get(provider);
            return new WebhookSetup(provider, "api/v1/webhooks/" + provider + "/" + code,
                    credential == null ? null : credential.username(), credential == null ? null : credential.setAt());
        }).toList();
    }

    public void setMailgunKey(long accountId, String signingKey) {
        Caller caller = callers.forAccount(accountId);
        String before = state(accountId, "mailgun");
        settings.setMailgunWebhookKey(accountId, signingKey);
        log.record(accountId, caller.actor(), "webhook.set", "mailgun", before, before == null ? "signing key set" : "signing key changed");
    }

    public void setSendGridKey(long accountId, String verificationKey) {
        Caller caller = callers.forAccount(accountId);
        String before = state(accountId, "sendgrid");
        settings.setSendGridWebhookKey(accountId, verificationKey);
        log.record(accountId, caller.actor(), "webhook.set", "sendgrid", before,
                before == null ? "verification key set" : "verification key changed");
    }

    public void setPostmarkLogin(long accountId, String username, String password) {
        Caller caller = callers.forAccount(accountId);
        String before = state(accountId, "postmark");
        settings.setPostmarkWebhookLogin(accountId, username, password);
        log.record(accountId, caller.actor(), "webhook.set", "postmark", before,
                "user " + username.strip() + ", password " + (before == null ? "set" : "changed"));
    }

    /** SNS topic ARNs are not secrets: the log shows them. */
    public void setSesTopics(long accountId, Collection<String> topicArns) {
        Caller caller = callers.forAccount(accountId);
        String before = state(accountId, "amazon-ses");
        settings.setSesWebhookTopics(accountId, topicArns);
        log.record(accountId, caller.actor(), "webhook.set", "amazon-ses", before, "topics " + String.join(", ",
                topicArns.stream().filter(t -> t != null && !t.isBlank()).map(String::strip).distinct().toList()));
    }

    /** The account's webhooks of this provider are verified with the installation's credentials again. */
    public void remove(long accountId, String provider) {
        Caller caller = callers.forAccount(accountId);
        if (!WebhookIngestion.PROVIDERS.contains(provider)) {
            throw new InvalidSettingsException("provider", "provider: must be one of " + String.join(", ", WebhookIngestion.PROVIDERS));
        }
        String before = state(accountId, provider);
        settings.removeWebhookCredentials(accountId, provider);
        if (before != null) {
            log.record(accountId, caller.actor(), "webhook.remove", provider, before, "installation's credentials");
        }
    }

    /** "own credential set 2026-12-06T10:00:00Z" (with Postmark's user), or null when the account has none. */
    private String state(long accountId, String provider) {
        return settings.credentials(accountId).stream().filter(c -> c.provider().equals(provider)).findFirst()
                .map(c -> (c.username() == null ? "" : "user " + c.username() + ", ") + "own credential set " + c.setAt())
                .orElse(null);
    }

    private Account account(long accountId) {
        Account account = em.find(Account.class, accountId);
        if (account == null) {
            throw new NotFoundException("No account " + accountId);
        }
        return account;
    }
}
