package io.distman.feedback.control;

import io.distman.feedback.control.webhook.ReplayGuard;
import io.distman.feedback.entity.WebhookToken;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;

/**
 * Remembers used webhook tokens in the database, so every server of the installation refuses a
 * replayed request. Runs in the transaction that records the request's events: a token is only
 * spent when its events are stored.
 */
public class DatabaseReplayGuard implements ReplayGuard {

    private final EntityManager em;
    private final String provider;
    private final Clock clock;

    public DatabaseReplayGuard(EntityManager em, String provider, Clock clock) {
        this.em = em;
        this.provider = provider;
        this.clock = clock;
    }

    @Override
    public boolean claim(String token, Instant keepUntil) {
        WebhookToken seen = em.find(WebhookToken.class, new WebhookToken.Key(provider, token));
        if (seen == null) {
            em.persist(new WebhookToken(provider, token, keepUntil));
            return true;
        }
        if (seen.getKeepUntil().isAfter(clock.instant())) {
            return false;
        }
        seen.keepUntil(keepUntil); // an expired record: the token may be used again
        return true;
    }
}
