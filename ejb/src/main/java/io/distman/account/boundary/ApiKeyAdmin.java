package io.distman.account.boundary;

import io.distman.account.control.ApiKeys;
import io.distman.account.control.Labels;
import io.distman.account.entity.Account;
import io.distman.account.entity.ApiKey;
import io.distman.account.entity.ApiKeyScope;
import io.distman.account.entity.ApiKeyView;
import io.distman.account.entity.Caller;
import io.distman.account.entity.InvalidSettingsException;
import io.distman.account.entity.IssuedApiKey;
import io.distman.adminlog.boundary.AdminLog;
import io.distman.platform.entity.NotFoundException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An account's admins manage its API keys: issue (the key is returned once and never stored), list (label,
 * prefix, scope, created, last used, revoked) and revoke, which takes effect on the key's next request (keys
 * authenticate per request, no session). Callers are admins on the screens and ADMIN-scope keys over REST, each
 * for its own account only ({@link Callers#forAccount}); a SEND key has no admin role, so it can issue nothing.
 * Every change goes to the admin log, a key named only by its prefix.
 */
@Stateless
@RolesAllowed("admin")
public class ApiKeyAdmin {

    private static final Pattern KEY_ID = Pattern.compile("[0-9a-f]{" + ApiKey.ID_LENGTH + "}");

    @PersistenceContext(unitName = "distman")
    EntityManager em;

    @Inject
    Clock clock;

    @EJB
    Callers callers;

    @EJB
    AdminLog log;

    /** @throws InvalidSettingsException naming {@code label} or {@code scope}; nothing is stored then */
    public IssuedApiKey issue(long accountId, String label, ApiKeyScope scope) {
        Caller caller = callers.forAccount(accountId);
        String name = Labels.check("label", label, 100);
        if (scope == null) {
            throw new InvalidSettingsException("scope", "scope: must be one of SEND, ADMIN");
        }
        String key = ApiKeys.newKey();
        ApiKey stored = new ApiKey(ApiKeys.hash(key), ApiKeys.prefix(key), em.find(Account.class, accountId), name, scope,
                caller.actor(), clock.instant());
        em.persist(stored);
        log.record(accountId, caller.actor(), "apikey.issue", stored.getPrefix(), null, "'" + name + "', scope " + scope);
        return new IssuedApiKey(key, stored.view());
    }

    public List<ApiKeyView> list(long accountId) {
        callers.forAccount(accountId);
        return em.createNamedQuery(ApiKey.OF_ACCOUNT, ApiKey.class).setParameter("accountId", accountId)
                .getResultStream().map(ApiKey::view).toList();
    }

    /**
     * @param keyId the key's id as {@link #list} gives it
     * @return the key as it is now (revoking a revoked key changes nothing and logs nothing)
     * @throws NotFoundException for an id that is not one of the account's keys (another account's looks the same)
     */
    public ApiKeyView revoke(long accountId, String keyId) {
        Caller caller = callers.forAccount(accountId);
        if (keyId == null || !KEY_ID.matcher(keyId).matches()) {
            throw new NotFoundException("no such API key");
        }
        ApiKey key = em.createNamedQuery(ApiKey.BY_ID, ApiKey.class).setParameter("accountId", accountId)
                .setParameter("id", keyId + "%").getResultStream().findFirst()
                .orElseThrow(() -> new NotFoundException("no such API key"));
        if (!key.isRevoked()) {
            key.revoke(clock.instant());
            log.record(accountId, caller.actor(), "apikey.revoke", key.getPrefix(), "active", "revoked");
        }
        return key.view();
    }
}
