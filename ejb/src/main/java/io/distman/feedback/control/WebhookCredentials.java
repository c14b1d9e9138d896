package io.distman.feedback.control;

import io.distman.feedback.entity.WebhookCredential;
import io.distman.platform.boundary.SecretBox;
import io.distman.platform.boundary.Settings;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Reads an account's own webhook credentials, remembered for a minute ({@code distman.webhook.credentialCache}):
 * every webhook request needs them before it can be trusted, and they change rarely. A change made on
 * this server applies at once, on the others within that time. Secrets are opened here (SecretBox); one
 * that does not open fails the request (the provider retries), it never falls back to another credential.
 */
@ApplicationScoped
public class WebhookCredentials {

    /** What a verifier needs, detached from any persistence context; opened. toString() leaves the secret out. */
    public record Credential(String secret, String username) {

        @Override
        public String toString() {
            return "Credential[user=" + username + ", secret=(hidden)]";
        }
    }

    private record Remembered(Optional<Credential> credential, Instant until) {
    }

    private final ConcurrentMap<WebhookCredential.Key, Remembered> remembered = new ConcurrentHashMap<>();

    @PersistenceContext(unitName = "distman")
    EntityManager em;

    @Inject
    Clock clock;

    @EJB
    SecretBox box;

    public Optional<Credential> of(long accountId, String provider) {
        WebhookCredential.Key key = new WebhookCredential.Key(accountId, provider);
        Instant now = clock.instant();
        Remembered known = remembered.get(key);
        if (known != null && known.until().isAfter(now)) {
            return known.credential();
        }
        Optional<Credential> found = Optional.ofNullable(em.find(WebhookCredential.class, key))
                .map(c -> new Credential(WebhookCredential.isSealed(provider)
                        ? box.open(c.getSecret(), WebhookCredential.purpose(accountId, provider)) : c.getSecret(),
                        c.getUsername()));
        remembered.put(key, new Remembered(found,
                now.plus(Settings.duration("distman.webhook.credentialCache", Duration.ofMinutes(1)))));
        return found;
    }

    public void forget(long accountId, String provider) {
        remembered.remove(new WebhookCredential.Key(accountId, provider));
    }
}
