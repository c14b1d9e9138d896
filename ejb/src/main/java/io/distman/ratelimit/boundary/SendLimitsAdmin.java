package io.distman.ratelimit.boundary;

import io.distman.account.boundary.Callers;
import io.distman.account.entity.Caller;
import io.distman.adminlog.boundary.AdminLog;
import io.distman.ratelimit.control.LimitInputs;
import io.distman.ratelimit.entity.AccountDomain;
import io.distman.ratelimit.entity.DomainBackoff;
import io.distman.ratelimit.entity.DomainLimit;
import io.distman.ratelimit.entity.RelayLimit;
import io.distman.ratelimit.entity.RelayLimits;
import io.distman.ratelimit.entity.SendLimits;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;

/**
 * The account admin's rate limits: what the account's relay or provider takes (messages per second, connections
 * at once, recipients per connection) and recipients per hour per destination domain. Per account, because each account sends
 * through its own relay or provider account and so has its own reputation with a receiver. Checks the caller
 * against the account, checks every bound (naming the field), and records each change in the admin log in the
 * same transaction.
 */
@Stateless
@RolesAllowed("admin")
public class SendLimitsAdmin {

    @PersistenceContext(unitName = "distman")
    EntityManager em;

    @EJB
    Callers callers;

    @EJB
    AdminLog log;

    @Inject
    Clock clock;

    public SendLimits limits(long accountId) {
        callers.forAccount(accountId);
        return view(accountId);
    }

    /** Sets the relay's limits; a null bound lifts that limit. */
    public SendLimits setRelayLimits(long accountId, RelayLimits limits) {
        Caller caller = callers.forAccount(accountId);
        RelayLimits checked = new RelayLimits(
                LimitInputs.optionalBound("messagesPerSecond", limits.messagesPerSecond(), LimitInputs.MAX_PER_SECOND),
                LimitInputs.optionalBound("maxConnections", limits.maxConnections(), LimitInputs.MAX_CONNECTIONS),
                LimitInputs.optionalBound("recipientsPerConnection", limits.recipientsPerConnection(),
                        LimitInputs.MAX_PER_CONNECTION));
        RelayLimit stored = em.find(RelayLimit.class, accountId);
        RelayLimits before = stored == null ? RelayLimits.NONE : stored.view();
        if (stored == null) {
            stored = new RelayLimit(accountId);
            stored.change(checked, clock.instant());
            em.persist(stored);
        } else {
            stored.change(checked, clock.instant());
        }
        log.record(accountId, caller.actor(), "limits.relay", null, before.toString(), checked.toString());
        return view(accountId);
    }

    /** Sets (or changes) how many recipients per hour the account may send to {@code domain}. */
    public SendLimits setDomainLimit(long accountId, String domain, Integer recipientsPerHour) {
        Caller caller = callers.forAccount(accountId);
        String name = LimitInputs.domain("domain", domain);
        int perHour = LimitInputs.bound("recipientsPerHour", recipientsPerHour, LimitInputs.MAX_PER_HOUR);
        Instant now = clock.instant();
        DomainLimit stored = em.find(DomainLimit.class, new AccountDomain(accountId, name));
        String before = stored == null ? null : stored.getRecipientsPerHour() + "/h";
        if (stored == null) {
            em.persist(new DomainLimit(accountId, name, perHour, now));
        } else {
            stored.change(perHour, now);
        }
        log.record(accountId, caller.actor(), "limits.domain", name, before, perHour + "/h");
        return view(accountId);
    }

    /** Lifts the domain's limit; mail it holds goes at the slot it was given. */
    public SendLimits removeDomainLimit(long accountId, String domain) {
        Caller caller = callers.forAccount(accountId);
        String name = LimitInputs.domain("domain", domain);
        DomainLimit stored = em.find(DomainLimit.class, new AccountDomain(accountId, name));
        if (stored != null) {
            em.remove(stored);
            log.record(accountId, caller.actor(), "limits.domain", name, stored.getRecipientsPerHour() + "/h", null);
        }
        return view(accountId);
    }

    private SendLimits view(long accountId) {
        RelayLimit relay = em.find(RelayLimit.class, accountId);
        return new SendLimits(relay == null ? RelayLimits.NONE : relay.view(),
                em.createNamedQuery(DomainLimit.OF_ACCOUNT, DomainLimit.class).setParameter("accountId", accountId)
                        .getResultStream().map(DomainLimit::view).toList(),
                em.createNamedQuery(DomainBackoff.ACTIVE_OF_ACCOUNT, DomainBackoff.class)
                        .setParameter("accountId", accountId).setParameter("now", clock.instant())
                        .getResultStream().map(DomainBackoff::view).toList());
    }
}
