package io.distman.ratelimit.control;

import io.distman.platform.boundary.Settings;
import io.distman.ratelimit.entity.AccountDomain;
import io.distman.ratelimit.entity.DeliveryHold;
import io.distman.ratelimit.entity.DomainBackoff;
import io.distman.ratelimit.entity.SmtpReply;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Backs off a whole destination domain for an account when a reply to one of its deliveries asks to slow
 * down, so the claim holds the domain's later deliveries too instead of each earning its own 421.
 */
@Dependent
public class DomainBackoffs {

    static final Duration DEFAULT_BACKOFF = Duration.ofMinutes(10);

    @PersistenceContext(unitName = "distman")
    EntityManager em;

    public void observe(List<SmtpReply> replies) {
        Map<Long, SmtpReply> slowDown = replies.stream()
                .filter(r -> SlowDownReplies.asksToSlowDown(r.code(), r.enhancedCode(), r.text()))
                .collect(Collectors.toMap(SmtpReply::deliveryId, Function.identity(), (a, b) -> b));
        if (slowDown.isEmpty()) {
            return;
        }
        Duration wait = Settings.duration("distman.limits.backoff", DEFAULT_BACKOFF);
        for (Object[] row : em.createNamedQuery(DeliveryHold.ACCOUNT_DOMAINS, Object[].class)
                .setParameter("ids", List.copyOf(slowDown.keySet())).getResultList()) {
            String domain = LimitInputs.normalised((String) row[2]);
            if (domain == null) {
                continue;
            }
            long accountId = ((Number) row[1]).longValue();
            SmtpReply reply = slowDown.get(((Number) row[0]).longValue());
            DomainBackoff backoff = em.find(DomainBackoff.class, new AccountDomain(accountId, domain),
                    LockModeType.PESSIMISTIC_WRITE);
            if (backoff == null) {
                backoff = new DomainBackoff(accountId, domain);
                backoff.extend(reply.at().plus(wait), reply.text());
                em.persist(backoff);
            } else {
                backoff.extend(reply.at().plus(wait), reply.text());
            }
        }
    }
}
