package io.distman.account.boundary;

import io.distman.account.control.ApiKeys;
import io.distman.account.entity.Account;
import io.distman.account.entity.AccountTracking;
import io.distman.account.entity.ApiKey;
import io.distman.account.entity.AppUser;
import io.distman.account.entity.TrackingChoice;
import io.distman.account.entity.UserRole;
import io.distman.message.entity.Category;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Accounts (agencies), their users and their REST credentials. */
@Stateless
public class AccountService {

    @PersistenceContext(unitName = "distman")
    EntityManager em;

    @Inject
    Clock clock;

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

    /**
     * The account's consent to open and click tracking for one category, applied to mail sent from
     * now on (mail already sent keeps the pixel and links it was sent with).
     */
    public void setTracking(long accountId, Category category, TrackingChoice choice) {
        if (em.find(Account.class, accountId) == null) {
            throw new IllegalArgumentException("No account " + accountId);
        }
        AccountTracking existing = em.find(AccountTracking.class, new AccountTracking.Key(accountId, category));
        if (existing == null) {
            em.persist(new AccountTracking(accountId, category, choice));
        } else {
            existing.choose(choice);
        }
    }

    /** @return the account's choice for the category, or the category's default */
    public TrackingChoice tracking(long accountId, Category category) {
        AccountTracking chosen = em.find(AccountTracking.class, new AccountTracking.Key(accountId, category));
        return chosen == null ? TrackingChoice.byDefault(category) : chosen.choice();
    }

    public AppUser addUser(long accountId, String username, String displayName, String email, UserRole role) {
        AppUser user = new AppUser(accountId, username, displayName, email, role);
        em.persist(user);
        return user;
    }

    public List<AppUser> users(long accountId) {
        return em.createNamedQuery(AppUser.OF_ACCOUNT, AppUser.class).setParameter("accountId", accountId).getResultList();
    }
}
