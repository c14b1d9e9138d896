package io.distman.feedback.boundary;

import io.distman.account.entity.Account;
import io.distman.account.entity.InvalidSettingsException;
import io.distman.feedback.control.WebhookCredentials;
import io.distman.feedback.control.webhook.BasicAuthAuthenticator;
import io.distman.feedback.control.webhook.FreshnessCheck;
import io.distman.feedback.control.webhook.SendGridSignatureVerifier;
import io.distman.feedback.entity.WebhookCredential;
import io.distman.feedback.entity.WebhookCredentialView;
import io.distman.platform.boundary.SecretBox;
import io.distman.platform.entity.NotFoundException;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;

/**
 * An account's own webhook credentials per provider. Events posted to the account's webhook URL are
 * verified with these; without them the installation's credentials apply.
 */
@Stateless
@PermitAll // the application's own code calls it: WebhookAdmin (which checks caller and account for screens and REST) and the demo's set-up; ArchitectureTest keeps screens and REST away from it
public class WebhookSettings {

    /** Longer than any real key or password; sealed, it still fits the column. */
    private static final int MAX_LENGTH = 1000;

    @PersistenceContext(unitName = "distman")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    WebhookCredentials webhookCredentials;

    @EJB
    SecretBox box;

    /** The account's own Mailgun webhook signing key (Mailgun: Sending, Webhooks, HTTP webhook signing key). */
    public void setMailgunWebhookKey(long accountId, String signingKey) {
        storeWebhookCredential(accountId, "mailgun", required(signingKey, "signingKey", "the Mailgun signing key"), null);
    }

    /** The account's own SendGrid Event Webhook verification key, Base64 of the DER public key SendGrid shows. */
    public void setSendGridWebhookKey(long accountId, String verificationKey) {
        String key = required(verificationKey, "verificationKey", "the SendGrid verification key");
        try {
            SendGridSignatureVerifier.fromBase64(key, FreshnessCheck.defaultWindow(clock));
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException("verificationKey", "the SendGrid verification key is not a Base64 DER EC public key");
        }
        storeWebhookCredential(accountId, "sendgrid", key, null);
    }

    /** The basic-auth login the account put into its Postmark webhook URL; only its SHA-256 is stored. */
    public void setPostmarkWebhookLogin(long accountId, String username, String password) {
        String user = required(username, "username", "the Postmark webhook user name");
        if (user.indexOf(':') >= 0) {
            throw new InvalidSettingsException("username", "a basic-auth user name cannot contain ':'");
        }
        byte[] digest = BasicAuthAuthenticator.digest(user, required(password, "password", "the Postmark webhook password"));
        storeWebhookCredential(accountId, "postmark", HexFormat.of().formatHex(digest), user);
    }

    /** The SNS topics (ARNs) the account's SES publishes its events to; others are refused. */
    public void setSesWebhookTopics(long accountId, Collection<String> topicArns) {
        List<String> topics = topicArns == null ? List.of()
                : topicArns.stream().filter(t -> t != null && !t.isBlank()).map(String::strip).distinct().toList();
        if (topics.isEmpty() || topics.stream().anyMatch(t -> !t.startsWith("arn:aws:sns:") || t.contains(","))) {
            throw new InvalidSettingsException("topics", "SES webhooks need one or more SNS topic ARNs (arn:aws:sns:...)");
        }
        storeWebhookCredential(accountId, "amazon-ses", String.join(",", topics), null);
    }

    /** The account's webhooks of this provider fall back to the installation's credentials again. */
    public void removeWebhookCredentials(long accountId, String provider) {
        WebhookCredential existing = em.find(WebhookCredential.class, new WebhookCredential.Key(accountId, provider));
        if (existing != null) {
            em.remove(existing);
        }
        webhookCredentials.forget(accountId, provider);
    }

    private void storeWebhookCredential(long accountId, String provider, String secret, String username) {
        if (em.find(Account.class, accountId) == null) {
            throw new NotFoundException("no account " + accountId);
        }
        String stored = WebhookCredential.isSealed(provider)
                ? box.seal(secret, WebhookCredential.purpose(accountId, provider)) : secret;
        WebhookCredential existing = em.find(WebhookCredential.class, new WebhookCredential.Key(accountId, provider));
        if (existing == null) {
            em.persist(new WebhookCredential(accountId, provider, stored, username, clock.instant()));
        } else {
            existing.replace(stored, username, clock.instant());
        }
        webhookCredentials.forget(accountId, provider);
    }

    /** The account's own webhook credentials as an admin may see them: provider, user name, when set; never the secret. */
    public List<WebhookCredentialView> credentials(long accountId) {
        return em.createNamedQuery(WebhookCredential.OF_ACCOUNT, WebhookCredential.class)
                .setParameter("accountId", accountId).getResultStream().map(WebhookCredential::view).toList();
    }

    private static String required(String value, String field, String what) {
        if (value == null || value.isBlank()) {
            throw new InvalidSettingsException(field, what + " is required");
        }
        if (value.strip().length() > MAX_LENGTH) {
            throw new InvalidSettingsException(field, what + " is longer than " + MAX_LENGTH + " characters");
        }
        return value.strip();
    }
}
