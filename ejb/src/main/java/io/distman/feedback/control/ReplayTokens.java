package io.distman.feedback.control;

import io.distman.feedback.control.webhook.TokenClaim;
import io.distman.feedback.entity.WebhookToken;
import io.distman.platform.boundary.SchemaMigration;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Spends the one-time tokens of a batch of webhook requests in the database, so every server of the
 * installation refuses a replay, in the transaction that stores their events: a token is spent
 * exactly when its events are stored. On PostgreSQL all tokens of a batch go in one
 * {@code INSERT ... ON CONFLICT} that returns those that were free (new, or kept past their time); a
 * concurrent transaction holding the same token makes it wait, then lose. Elsewhere one look-up per token.
 */
@Dependent
public class ReplayTokens {

    private static final int ROWS_PER_STATEMENT = 500;

    @PersistenceContext(unitName = "distman")
    EntityManager em;

    @EJB
    SchemaMigration database;

    @Inject
    Clock clock;

    private record Claim(PendingWebhook request, String provider, TokenClaim token) {
        String key() {
            return provider + '\n' + token.token();
        }
    }

    /** @return the requests that are replays: one of their tokens was spent before, or earlier in this batch */
    public Set<PendingWebhook> spend(List<PendingWebhook> requests) {
        Set<PendingWebhook> replays = new HashSet<>();
        Set<String> inBatch = new HashSet<>();
        List<Claim> claims = new ArrayList<>();
        for (PendingWebhook request : requests) {
            for (TokenClaim token : request.tokens()) {
                Claim claim = new Claim(request, request.provider(), token);
                if (inBatch.add(claim.key())) {
                    claims.add(claim);
                } else {
                    replays.add(request);
                }
            }
        }
        Instant now = clock.instant();
        for (int from = 0; from < claims.size(); from += ROWS_PER_STATEMENT) {
            List<Claim> chunk = claims.subList(from, Math.min(claims.size(), from + ROWS_PER_STATEMENT));
            Set<String> spent = database.isPostgreSql() ? upsert(chunk, now) : oneByOne(chunk, now);
            chunk.stream().filter(c -> !spent.contains(c.key())).forEach(c -> replays.add(c.request()));
        }
        return replays;
    }

    /** @return the keys of the claims that were free and are now spent */
    private Set<String> upsert(List<Claim> claims, Instant now) {
        StringBuilder sql = new StringBuilder("INSERT INTO webhook_token (provider, token, keep_until) VALUES ");
        for (int i = 0; i < claims.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(?").append(3 * i + 1).append(", ?").append(3 * i + 2)
                    .append(", ?").append(3 * i + 3).append(')');
        }
        int nowParameter = 3 * claims.size() + 1;
        sql.append(" ON CONFLICT (provider, token) DO UPDATE SET keep_until = EXCLUDED.keep_until")
                .append(" WHERE webhook_token.keep_until <= ?").append(nowParameter).append(" RETURNING provider, token");
        Query query = em.createNativeQuery(sql.toString());
        for (int i = 0; i < claims.size(); i++) {
            Claim claim = claims.get(i);
            query.setParameter(3 * i + 1, claim.provider()).setParameter(3 * i + 2, claim.token().token())
                    .setParameter(3 * i + 3, Timestamp.from(claim.token().keepUntil()));
        }
        query.setParameter(nowParameter, Timestamp.from(now));
        Set<String> spent = new HashSet<>();
        for (Object row : query.getResultList()) {
            Object[] columns = (Object[]) row;
            spent.add(columns[0] + "\n" + columns[1]);
        }
        return spent;
    }

    private Set<String> oneByOne(List<Claim> claims, Instant now) {
        Set<String> spent = new HashSet<>();
        for (Claim claim : claims) {
            WebhookToken seen = em.find(WebhookToken.class, new WebhookToken.Key(claim.provider(), claim.token().token()));
            if (seen == null) {
                em.persist(new WebhookToken(claim.provider(), claim.token().token(), claim.token().keepUntil()));
            } else if (seen.getKeepUntil().isAfter(now)) {
                continue;
            } else {
                seen.keepUntil(claim.token().keepUntil()); // an expired record: the token may be used again
            }
            spent.add(claim.key());
        }
        return spent;
    }
}
