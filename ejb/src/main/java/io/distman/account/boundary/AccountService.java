package io.distman.account.boundary;

import io.distman.account.control.ApiKeys;
import io.distman.account.control.MailgunSettingsCheck;
import io.distman.account.control.PasswordHashes;
import io.distman.account.control.PasswordPolicy;
import io.distman.account.entity.Account;
import io.distman.account.entity.ApiKey;
import io.distman.account.entity.AppUser;
import io.distman.account.entity.InvalidSettingsException;
import io.distman.account.entity.MailgunAccount;
import io.distman.account.entity.MailgunRegion;
import io.distman.account.entity.PasswordRefusedException;
import io.distman.account.entity.SupportGrant;
import io.distman.account.entity.TransportKind;
import io.distman.account.entity.UserProfile.AccountRef;
import io.distman.account.entity.UserProfile;
import io.distman.account.entity.UserRole;
import io.distman.platform.entity.NotFoundException;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/** Accounts (agencies), their users and their REST credentials. */
@Stateless
public class AccountService {

    private static final Logger LOG = Logger.getLogger(AccountService.class.getName());

    @PersistenceContext(unitName = "distman")
    EntityManager em;

    @Inject
    Clock clock;

    /** Jakarta Security's PBKDF2: the same format the sign-in ({@link SignIns}) verifies. */
    @EJB
    PasswordHashes passwordHashes;

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

    /** Sends the account's mail over SMTP through this relay (null host: the installation's mail session). */
    public void useSmtpRelay(long accountId, String host, Integer port) {
        account(accountId).useSmtpRelay(host, port);
    }

    /**
     * Sends the account's mail through Mailgun's HTTP API from now on (mail already claimed goes the way
     * it was loaded). Everything is checked before anything is stored.
     *
     * @param apiKey  the Mailgun API key (a secret: stored for sending, never logged nor shown)
     * @param domain  the sending domain registered at Mailgun
     * @param region  US or EU: where the domain was created
     * @param baseUrl null for the region's API, else another root (a proxy, a test server)
     */
    public void useMailgun(long accountId, String apiKey, String domain, MailgunRegion region, String baseUrl) {
        String key = MailgunSettingsCheck.apiKey(apiKey);
        String sendingDomain = MailgunSettingsCheck.domain(domain);
        MailgunRegion where = MailgunSettingsCheck.region(region);
        URI root = MailgunSettingsCheck.baseUrl(baseUrl);
        Account account = account(accountId);
        MailgunAccount settings = em.find(MailgunAccount.class, accountId);
        if (settings == null) {
            settings = new MailgunAccount(accountId);
            settings.configure(key, sendingDomain, where, root, clock.instant());
            em.persist(settings);
        } else {
            settings.configure(key, sendingDomain, where, root, clock.instant());
        }
        account.useTransport(TransportKind.MAILGUN);
        LOG.info(() -> "account " + account.getCode() + " now sends through Mailgun: " + describe(sendingDomain, where, root));
    }

    private static String describe(String domain, MailgunRegion region, URI baseUrl) {
        return domain + " (" + region + (baseUrl == null ? "" : ", " + baseUrl) + ")";
    }

    private Account account(long accountId) {
        Account account = em.find(Account.class, accountId);
        if (account == null) {
            throw new InvalidSettingsException("no account " + accountId);
        }
        return account;
    }

    public AppUser addUser(long accountId, String username, String displayName, String email, UserRole role) {
        AppUser user = new AppUser(accountId, username, displayName, email, role);
        em.persist(user);
        return user;
    }

    /**
     * A user who signs in to the screens; usernames are unique across the installation.
     * @throws PasswordRefusedException when the policy refuses the password (no user is added)
     */
    public AppUser addUser(long accountId, String username, String displayName, String email, UserRole role,
                           char[] password) {
        AppUser user = addUser(accountId, username, displayName, email, role);
        setPassword(user, password);
        return user;
    }

    /** @throws PasswordRefusedException when the policy refuses the password (nothing changed) */
    public void setPassword(String username, char[] password) {
        setPassword(user(username).orElseThrow(() -> new IllegalArgumentException("no user " + username)), password);
    }

    /** Every password set goes through here, so the policy holds for all of them. */
    private void setPassword(AppUser user, char[] password) {
        PasswordPolicy.check(user.getUsername(), password).ifPresent(error -> {
            throw new PasswordRefusedException(error);
        });
        user.setPasswordHash(passwordHashes.hash(password));
    }

    /** Lets a support user work on another agency's suppressions and mail. */
    public void grantSupport(String username, long accountId) {
        if (user(username).map(u -> u.getRole() != UserRole.SUPPORT).orElse(true)) {
            throw new IllegalArgumentException(username + " is not a support user");
        }
        em.persist(new SupportGrant(username, accountId));
    }

    /** @return the signed-in user's profile: their account, and for support staff the accounts granted to them */
    public Optional<UserProfile> profile(String username) {
        return user(username).map(user -> {
            Account home = em.find(Account.class, user.getAccountId());
            List<AccountRef> accounts = new ArrayList<>();
            accounts.add(ref(home));
            if (user.getRole() == UserRole.SUPPORT) {
                em.createNamedQuery(SupportGrant.ACCOUNTS_OF, Account.class).setParameter("username", username)
                        .getResultStream().filter(a -> !a.getId().equals(home.getId())).map(AccountService::ref)
                        .forEach(accounts::add);
            }
            return new UserProfile(user.getUsername(), user.getDisplayName(), user.getEmail(), user.getRole(), ref(home),
                    List.copyOf(accounts));
        });
    }

    /** The admins of an account, e.g. to tell them the queue is stuck. */
    public List<AppUser> usersWithRole(long accountId, UserRole role) {
        return em.createNamedQuery(AppUser.WITH_ROLE, AppUser.class).setParameter("accountId", accountId)
                .setParameter("role", role).getResultList();
    }

    private Optional<AppUser> user(String username) {
        return em.createNamedQuery(AppUser.BY_USERNAME, AppUser.class).setParameter("username", username)
                .getResultStream().findFirst();
    }

    private static AccountRef ref(Account account) {
        return new AccountRef(account.getId(), account.getCode(), account.getName());
    }

    public List<AppUser> users(long accountId) {
        return em.createNamedQuery(AppUser.OF_ACCOUNT, AppUser.class).setParameter("accountId", accountId).getResultList();
    }

}
