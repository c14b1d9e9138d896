package io.distman.account.boundary;

import io.distman.account.control.ApiKeys;
import io.distman.account.entity.Account;
import io.distman.account.entity.AccountAccessDeniedException;
import io.distman.account.entity.ApiKey;
import io.distman.account.entity.Caller;
import io.distman.account.entity.ModuleGrant;
import io.distman.account.entity.UserProfile;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.Principal;
import java.util.HashSet;
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

    public Caller current() {
        Principal principal = context.getCallerPrincipal();
        String name = principal == null ? null : principal.getName();
        if (name == null || name.isBlank() || name.equalsIgnoreCase(ANONYMOUS)) {
            return new Caller(ANONYMOUS, "anonymous", Set.of());
        }
        if (name.startsWith(API_KEY_PRINCIPAL)) {
            ApiKey key = em.find(ApiKey.class, name.substring(API_KEY_PRINCIPAL.length()));
            return key == null || key.isRevoked() ? new Caller(name, "revoked API key", Set.of())
                    : new Caller(name, "API key '" + key.getLabel() + "'", Set.of(key.getAccount().getId()));
        }
        Optional<UserProfile> user = accounts.profile(name);
        if (user.isPresent()) {
            return new Caller(name, name, user.get().accounts().stream().map(UserProfile.AccountRef::id).collect(Collectors.toSet()));
        }
        return new Caller(name, name, new HashSet<>(em.createNamedQuery(ModuleGrant.ACCOUNTS_OF, Long.class)
                .setParameter("principal", name).getResultList()));
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

    /** The principal name the web module gives a request authenticated by {@code key}, if the key is valid. */
    public Optional<String> apiKeyPrincipal(String key) {
        if (key == null || key.isBlank()) {
            return Optional.empty();
        }
        String hash = ApiKeys.hash(key.strip());
        return accounts.apiKeyAccount(hash).map(account -> API_KEY_PRINCIPAL + hash);
    }

    /**
     * TEMPORARY seam until API keys get scopes (issue 11, helper keys): a key whose label starts with
     * {@value #ADMIN_KEY_LABEL} administers its account over REST. Keys are issued only by provisioning code
     * ({@link AccountService#issueApiKey}, role provisioning), so no account admin can make one.
     */
    public static final String ADMIN_KEY_LABEL = "admin-scope:";

    /** The container groups of a request's API-key principal ({@link #apiKeyPrincipal}): API, and ADMIN for an admin key. */
    public Set<String> apiKeyGroups(String principal) {
        ApiKey key = principal == null || !principal.startsWith(API_KEY_PRINCIPAL) ? null
                : em.find(ApiKey.class, principal.substring(API_KEY_PRINCIPAL.length()));
        return key != null && !key.isRevoked() && key.getLabel().startsWith(ADMIN_KEY_LABEL) ? Set.of("API", "ADMIN") : Set.of("API");
    }

    /** The account of a request's API-key principal ({@link #apiKeyPrincipal}), unless the key was revoked since. */
    public Optional<Account> apiKeyAccount(Principal principal) {
        return principal == null || !principal.getName().startsWith(API_KEY_PRINCIPAL) ? Optional.empty()
                : accounts.apiKeyAccount(principal.getName().substring(API_KEY_PRINCIPAL.length()));
    }
}
