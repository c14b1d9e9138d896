package io.distman.account.boundary;

import io.distman.account.control.ApiKeys;
import io.distman.account.entity.Account;
import io.distman.account.entity.AccountAccessDeniedException;
import io.distman.account.entity.ApiKey;
import io.distman.account.entity.ApiKeyLogin;
import io.distman.account.entity.Caller;
import io.distman.account.entity.ModuleGrant;
import io.distman.account.entity.UserProfile;
import io.distman.account.entity.UserRole;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who the container says is calling, and which accounts that caller may act for. This is how a boundary
 * turns the account a request names into an account id: never on the request's word, always against the
 * authenticated principal —
 * <ul>
 *   <li>{@code apikey:<hash>} (REST, set by the web module's authentication mechanism): the key's own
 *       account while the key is not revoked;</li>
 *   <li>a signed-in user: their account, and for support staff the accounts granted to them;</li>
 *   <li>any other principal (a module in this server calling as its run-as identity): the accounts granted
 *       to it in {@code module_grant};</li>
 *   <li>the container's anonymous caller: none.</li>
 * </ul>
 * A suspended account is in nobody's list, so everything its keys, users and modules ask for is refused; an
 * installation operator acts for no account (their boundaries are the {@code operator} role's, not an account's).
 */
@Stateless
@PermitAll // it only ever answers about the caller itself
public class Callers {

    /** Prefix of the principal the web module establishes for a request with a valid API key. */
    public static final String API_KEY_PRINCIPAL = "apikey:";

    /** GlassFish's name for an unauthenticated caller (security-service default-principal unset). */
    static final String ANONYMOUS = "ANONYMOUS";

    @Resource
    SessionContext context;

    @PersistenceContext(unitName = "distman")
    EntityManager em;

    @Inject
    AccountIds accountIds;

    @Inject
    AccountService accounts;

    @Inject
    Clock clock;

    /** How stale a key's last use may get before a request writes it again: not a write per request. */
    static final Duration LAST_USE_PRECISION = Duration.ofMinutes(1);

    public Caller current() {
        Principal principal = context.getCallerPrincipal();
        String name = principal == null ? null : principal.getName();
        if (name == null || name.isBlank() || name.equalsIgnoreCase(ANONYMOUS)) {
            return new Caller(ANONYMOUS, "anonymous", Set.of());
        }
        if (name.startsWith(API_KEY_PRINCIPAL)) {
            ApiKey key = em.find(ApiKey.class, name.substring(API_KEY_PRINCIPAL.length()));
            return key == null || key.isRevoked() ? new Caller(name, "revoked API key", Set.of())
                    : new Caller(name, "API key '" + key.getLabel() + "'", active(Set.of(key.getAccount().getId())));
        }
        // A module (the common caller of submit) is answered by one query; a user, or a module granted nothing active,
        // by the look-ups below (an active user of the module's name is answered as that user).
        List<Long> granted = em.createNamedQuery(ModuleGrant.ACTIVE_ACCOUNTS_OF, Long.class)
                .setParameter("principal", name).getResultList();
        if (!granted.isEmpty()) {
            return new Caller(name, name, Set.copyOf(granted));
        }
        Optional<UserProfile> user = accounts.profile(name);
        if (user.isPresent()) {
            return new Caller(name, name, user.get().role() == UserRole.OPERATOR ? Set.of()
                    : active(user.get().accounts().stream().map(UserProfile.AccountRef::id).collect(Collectors.toSet())));
        }
        return new Caller(name, name, Set.of()); // a principal granted no active account
    }

    /** The accounts that are not suspended. */
    private Set<Long> active(Set<Long> accountIds) {
        return accountIds.stream().filter(id -> {
            Account account = em.find(Account.class, id);
            return account != null && !account.isSuspended();
        }).collect(Collectors.toSet());
    }

    /**
     * @return the id of the account {@code code} names, if the caller may act for it
     * @throws AccountAccessDeniedException if not, or if there is no such account (not told apart)
     */
    public long accountFor(Caller caller, String code) {
        String wanted = code == null ? "" : code.strip();
        return accountIds.idOf(wanted).filter(caller::mayActFor)
                .orElseThrow(() -> new AccountAccessDeniedException(caller.actor(), wanted));
    }

    /**
     * The caller, checked to act for the account: what a boundary called with an account id (a screen's
     * current account, which support staff switch) does before anything else. The role is the container's
     * business ({@code @RolesAllowed} on the boundary); the account is this check's.
     * @throws AccountAccessDeniedException if the caller may not act for it (an unknown id is not told apart)
     */
    public Caller forAccount(long accountId) {
        Caller caller = current();
        if (!caller.mayActFor(accountId)) {
            throw new AccountAccessDeniedException(caller.actor(), "#" + accountId);
        }
        return caller;
    }

    /**
     * The principal name the web module gives a request authenticated by {@code key}, and the key's scope, if the
     * key is valid (a suspended account's key still authenticates, so the API can say why it refuses). Notes the
     * key's use, at most once a {@link #LAST_USE_PRECISION}: a busy key is not a write per request.
     */
    public Optional<ApiKeyLogin> apiKeyLogin(String key) {
        if (key == null || key.isBlank() || key.length() > 200) {
            return Optional.empty();
        }
        String hash = ApiKeys.hash(key.strip());
        ApiKey found = em.find(ApiKey.class, hash);
        if (found == null || found.isRevoked()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (found.getLastUsedAt() == null || found.getLastUsedAt().isBefore(now.minus(LAST_USE_PRECISION))) {
            em.createNamedQuery(ApiKey.TOUCH).setParameter("now", now).setParameter("hash", hash)
                    .setParameter("before", now.minus(LAST_USE_PRECISION)).executeUpdate();
        }
        return Optional.of(new ApiKeyLogin(API_KEY_PRINCIPAL + hash, found.getScope()));
    }

    /** The account of a request's API-key principal ({@link #apiKeyLogin}), unless the key was revoked since. */
    public Optional<Account> apiKeyAccount(Principal principal) {
        return principal == null || !principal.getName().startsWith(API_KEY_PRINCIPAL) ? Optional.empty()
                : accounts.apiKeyAccount(principal.getName().substring(API_KEY_PRINCIPAL.length()));
    }
}
