package io.distman.account.boundary;

import io.distman.account.control.ApiKeys;
import io.distman.account.control.WebhookCredentials;
import io.distman.account.entity.Account;
import io.distman.account.entity.ApiKey;
import io.distman.account.entity.AppUser;
import io.distman.account.entity.InvalidSettingException;
import io.distman.account.entity.UserRole;
import io.distman.account.entity.WebhookCredential;
import io.distman.feedback.control.webhook.BasicAuthAuthenticator;
import io.distman.feedback.control.webhook.FreshnessCheck;
import io.distman.feedback.control.webhook.SendGridSignatureVerifier;
import io.distman.message.entity.NotFoundException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** Accounts (agencies), their users and their REST credentials. */
@Stateless
public class AccountService {

    @PersistenceContext(unitName = "distman")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    WebhookCredentials webhookCredentials;

    public Account create(String code, String name) {
        Account account = new Account(code, name, clock.instant());
        em.persist(account);
        return account;
    }

    public Optional<Account> byCode(String code) {
        return em.createNamedQuery(Account.BY_CODE, Account.class).setParameter("code", code)
                .getResultStream().findFirst();
    }

    /** @return the new key, which is not stored and cannot be shown again */
    public String issueApiKey(long accountId, String label) {
        return storeApiKey(accountId, label, ApiKeys.newKey());
    }

    /** Registers a key chosen by the installer (the demo's published keys); stored hashed like any other. */
    public String storeApiKey(long accountId, String label, String key) {
        em.persist(new ApiKey(ApiKeys.hash(key), em.find(Account.class, accountId), label, clock.instant()));
        return key;
    }

    /** @return the account a presented key belongs to, unless it is unknown or revoked */
    public Optional<Account> authenticate(String key) {
        if (key == null || key.isBlank()) {
            return Optional.empty();
        }
        ApiKey found = em.find(ApiKey.class, ApiKeys.hash(key.strip()));
        return found == null || found.isRevoked() ? Optional.empty() : Optional.of(found.getAccount());
    }

    public void useSmtpRelay(long accountId, String host, Integer port) {
        em.find(Account.class, accountId).useSmtpRelay(host, port);
    }

    public AppUser addUser(long accountId, String username, String displayName, String email, UserRole role) {
        AppUser user = new AppUser(accountId, username, displayName, email, role);
        em.persist(user);
        return user;
    }

    public List<AppUser> users(long accountId) {
        return em.createNamedQuery(AppUser.OF_ACCOUNT, AppUser.class).setParameter("accountId", accountId).getResultList();
    }

    /** The account's own Mailgun webhook signing key (Mailgun: Sending, Webhooks, HTTP webhook signing key). */
    public void setMailgunWebhookKey(long accountId, String signingKey) {
        storeWebhookCredential(accountId, "mailgun", required(signingKey, "the Mailgun signing key"), null);
    }

    /** The account's own SendGrid Event Webhook verification key, Base64 of the DER public key SendGrid shows. */
    public void setSendGridWebhookKey(long accountId, String verificationKey) {
        String key = required(verificationKey, "the SendGrid verification key");
        try {
            SendGridSignatureVerifier.fromBase64(key, FreshnessCheck.defaultWindow(clock));
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException("the SendGrid verification key is not a Base64 DER EC public key");
        }
        storeWebhookCredential(accountId, "sendgrid", key, null);
    }

    /** The basic-auth login the account put into its Postmark webhook URL; only its SHA-256 is stored. */
    public void setPostmarkWebhookLogin(long accountId, String username, String password) {
        String user = required(username, "the Postmark webhook user name");
        if (user.indexOf(':') >= 0) {
            throw new InvalidSettingException("a basic-auth user name cannot contain ':'");
        }
        byte[] digest = BasicAuthAuthenticator.digest(user, required(password, "the Postmark webhook password"));
        storeWebhookCredential(accountId, "postmark", HexFormat.of().formatHex(digest), user);
    }

    /** The SNS topics (ARNs) the account's SES publishes its events to; others are refused. */
    public void setSesWebhookTopics(long accountId, Collection<String> topicArns) {
        List<String> topics = topicArns == null ? List.of()
                : topicArns.stream().filter(t -> t != null && !t.isBlank()).map(String::strip).distinct().toList();
        if (topics.isEmpty() || topics.stream().anyMatch(t -> !t.startsWith("arn:aws:sns:") || t.contains(","))) {
            throw new InvalidSettingException("SES webhooks need one or more SNS topic ARNs (arn:aws:sns:...)");
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
        WebhookCredential existing = em.find(WebhookCredential.class, new WebhookCredential.Key(accountId, provider));
        if (existing == null) {
            em.persist(new WebhookCredential(accountId, provider, secret, username, clock.instant()));
        } else {
            existing.replace(secret, username, clock.instant());
        }
        webhookCredentials.forget(accountId, provider);
    }

    private static String required(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new InvalidSettingException(what + " is required");
        }
        return value.strip();
    }
}
