package io.distman.account.boundary;

import io.distman.account.control.ApiKeys;
import io.distman.account.control.MailgunSettingsCheck;
import io.distman.account.control.Names;
import io.distman.account.control.UserPasswords;
import io.distman.account.control.RelaySettingsCheck;
import io.distman.account.entity.Account;
import io.distman.account.entity.ApiKey;
import io.distman.account.entity.ApiKeyScope;
import io.distman.account.entity.AppUser;
import io.distman.account.entity.InvalidSettingsException;
import io.distman.account.entity.MailgunAccount;
import io.distman.account.entity.MailgunRegion;
import io.distman.account.entity.MailgunView;
import io.distman.account.entity.ModuleGrant;
import io.distman.account.entity.PasswordRefusedException;
import io.distman.account.entity.RelaySettings;
import io.distman.account.entity.RelayView;
import io.distman.account.entity.SmtpRelay;
import io.distman.account.entity.SupportGrant;
import io.distman.account.entity.TransportKind;
import io.distman.account.entity.UserProfile.AccountRef;
import io.distman.account.entity.UserProfile;
import io.distman.account.entity.UserRole;
import io.distman.platform.boundary.SecretBox;
import io.distman.platform.entity.NotFoundException;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Accounts (agencies), their users and their REST credentials, as the installation provisions them. Writes are
 * for the {@value #PROVISIONING} role only: the installer's own code running as {@value #PROVISIONER} (the demo
 * data's and the tests' run-as identity, mapped in glassfish-web.xml), never a screen's or an API key's caller —
 * an account's admins change their account through {@link AccountAdmin}, which checks the account. Reads that
 * other features need before or without a caller of their own are open, each saying why.
 */
@Stateless
@RolesAllowed(AccountService.PROVISIONING)
public class AccountService {

    /** The role of the installation's provisioning code. */
    public static final String PROVISIONING = "provisioning";

    /** The principal provisioning code runs as (@RunAs), mapped to {@value #PROVISIONING}. */
    public static final String PROVISIONER = "distman-provisioning";

    private static final Logger LOG = Logger.getLogger(AccountService.class.getName());

    @PersistenceContext(unitName = "distman")
    EntityManager em;

    @Inject
    Clock clock;

    @EJB
    SecretBox box;

    @EJB
    UserPasswords passwords;

    /** Also the operator's, through {@link Installation}, which checks the code and writes the installation log. */
    @RolesAllowed({PROVISIONING, Installation.OPERATOR})
    public Account create(String code, String name) {
        Account account = new Account(code, name, clock.instant());
        em.persist(account);
        return account;
    }

    @PermitAll // an account's id and name are no secret; the demo and REST look accounts up before any check
    public Optional<Account> byCode(String code) {
        return em.createNamedQuery(Account.BY_CODE, Account.class).setParameter("code", code)
                .getResultStream().findFirst();
    }

    /**
     * Registers a key chosen by the installer (the demo's published keys); stored hashed like any other, with
     * scope SEND. Admins issue keys through {@link ApiKeyAdmin}, which checks and logs; this is provisioning.
     */
    public String storeApiKey(long accountId, String label, String key) {
        em.persist(new ApiKey(ApiKeys.hash(key), ApiKeys.prefix(key), em.find(Account.class, accountId), label,
                ApiKeyScope.SEND, "installation", clock.instant()));
        return key;
    }

    /**
     * @param keyHash the SHA-256 of a presented key (the name of an API-key caller's principal)
     * @return the account the key belongs to, unless it is unknown or revoked
     */
    @PermitAll // authentication itself: a REST request has no caller until its key's hash is found here
    public Optional<Account> apiKeyAccount(String keyHash) {
        ApiKey found = em.find(ApiKey.class, keyHash);
        return found == null || found.isRevoked() ? Optional.empty() : Optional.of(found.getAccount());
    }

    /**
     * Sends the account's mail through its own SMTP relay from now on. Everything is checked before
     * anything is stored; the password is stored sealed and never shown again ({@link #smtpRelay} gives the
     * time it was set). A null password keeps the stored one if the user name is unchanged.
     */
    @RolesAllowed({PROVISIONING, "admin"}) // admins through TransportAdmin, which checks their account and logs the change
    public void useSmtpRelay(long accountId, RelaySettings settings) {
        RelaySettingsCheck.Checked checked = RelaySettingsCheck.check(settings);
        Account account = account(accountId);
        SmtpRelay relay = em.find(SmtpRelay.class, accountId);
        Instant now = clock.instant();
        String sealed = null;
        Instant setAt = null;
        if (checked.password() != null) {
            sealed = box.seal(checked.password(), SmtpRelay.purpose(accountId));
            setAt = now;
        } else if (checked.username() != null) {
            if (relay == null || relay.getSealedPassword() == null || !checked.username().equals(relay.getUsername())) {
                throw new InvalidSettingsException("relay.password", "SMTP relay password: required for user " + checked.username());
            }
            sealed = relay.getSealedPassword();
            setAt = relay.getPasswordSetAt();
        }
        if (relay == null) {
            relay = new SmtpRelay(accountId);
            relay.configure(checked.host(), checked.port(), checked.security(), checked.username(), sealed, setAt, now);
            em.persist(relay);
        } else {
            relay.configure(checked.host(), checked.port(), checked.security(), checked.username(), sealed, setAt, now);
        }
        account.useTransport(TransportKind.SMTP);
        LOG.info(() -> "account " + account.getCode() + " now sends through its SMTP relay " + checked.host() + ":"
                + checked.port() + " (" + checked.security() + (checked.username() == null ? ", no AUTH"
                : ", AUTH as " + checked.username()) + ")");
    }

    /**
     * The settings as they would be stored (host lower-cased, names checked), for testing a relay before it
     * is saved; refuses what {@link #useSmtpRelay} would refuse. The password is not looked up here.
     */
    @PermitAll // reads nothing stored: it only checks the settings it is given
    public RelaySettings checkedRelay(RelaySettings settings) {
        RelaySettingsCheck.Checked c = RelaySettingsCheck.check(settings);
        return new RelaySettings(c.host(), c.port(), c.security(), c.username(), c.password());
    }

    /** The account's mail goes through the installation's mail session again; its relay settings are removed. */
    @RolesAllowed({PROVISIONING, "admin"}) // admins through TransportAdmin (see useSmtpRelay)
    public void useInstallationMailSession(long accountId) {
        Account account = account(accountId);
        SmtpRelay relay = em.find(SmtpRelay.class, accountId);
        if (relay != null) {
            em.remove(relay);
        }
        account.useTransport(TransportKind.SMTP);
    }

    /** The account's own relay as an admin may see it (never the password); empty when it has none. */
    @PermitAll // no secret in it; the transport check and screens read it (their own boundaries check the account)
    public Optional<RelayView> smtpRelay(long accountId) {
        return Optional.ofNullable(em.find(SmtpRelay.class, accountId)).map(SmtpRelay::view);
    }

    /** The account's Mailgun settings as an admin may see them: the API key only as the time it was set. */
    @PermitAll // no secret in it (the key only as the time it was set); read like smtpRelay
    public Optional<MailgunView> mailgun(long accountId) {
        return Optional.ofNullable(em.find(MailgunAccount.class, accountId)).map(MailgunAccount::view);
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
    @RolesAllowed({PROVISIONING, "admin"}) // admins through TransportAdmin (see useSmtpRelay)
    public void useMailgun(long accountId, String apiKey, String domain, MailgunRegion region, String baseUrl) {
        String key = MailgunSettingsCheck.apiKey(apiKey);
        String sendingDomain = MailgunSettingsCheck.domain(domain);
        MailgunRegion where = MailgunSettingsCheck.region(region);
        URI root = MailgunSettingsCheck.baseUrl(baseUrl);
        Account account = account(accountId);
        String sealed = box.seal(key, MailgunAccount.purpose(accountId));
        MailgunAccount settings = em.find(MailgunAccount.class, accountId);
        if (settings == null) {
            settings = new MailgunAccount(accountId);
            settings.configure(sealed, sendingDomain, where, root, clock.instant());
            em.persist(settings);
        } else {
            settings.configure(sealed, sendingDomain, where, root, clock.instant());
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
            throw new InvalidSettingsException(null, "no account " + accountId);
        }
        return account;
    }

    public AppUser addUser(long accountId, String username, String displayName, String email, UserRole role) {
        Names.usernameProblem(username).ifPresent(problem -> {
            throw new IllegalArgumentException("username: " + problem);
        });
        AppUser user = new AppUser(accountId, username, displayName, email, role);
        em.persist(user);
        return user;
    }

    /**
     * A user who signs in to the screens; usernames are unique across the installation.
     * @throws PasswordRefusedException when the policy refuses the password (no user is added)
     */
    @RolesAllowed({PROVISIONING, Installation.OPERATOR}) // operators through Installation: an account's first admin
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

    private void setPassword(AppUser user, char[] password) {
        passwords.set(user, password);
    }

    /** Lets a support user work on another agency's suppressions and mail. */
    public void grantSupport(String username, long accountId) {
        if (user(username).map(u -> u.getRole() != UserRole.SUPPORT).orElse(true)) {
            throw new IllegalArgumentException(username + " is not a support user");
        }
        em.persist(new SupportGrant(username, accountId));
    }

    /**
     * Lets a module of this server, calling as {@code principal} (its run-as identity), act for the account.
     * @param grantedBy who granted it, for the record
     */
    public void grantModule(String principal, long accountId, String grantedBy) {
        Names.modulePrincipalProblem(principal).ifPresent(problem -> {
            throw new IllegalArgumentException("principal: " + problem);
        });
        if (em.find(ModuleGrant.class, new ModuleGrant.Key(principal.strip(), accountId)) == null) {
            em.persist(new ModuleGrant(principal.strip(), account(accountId).getId(), clock.instant(), grantedBy));
        }
    }

    /**
     * @return the signed-in user's profile: their account, and for support staff the accounts granted to them;
     *         empty for a deactivated user, who is then nobody's caller (Callers) and no screen's user (CurrentUser)
     */
    @PermitAll // who the caller is: Callers and the screens ask it about the caller themselves
    public Optional<UserProfile> profile(String username) {
        return user(username).filter(AppUser::isActive).map(user -> {
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
    @PermitAll // the application's own notifications (timers, no caller) find whom to tell
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

    @PermitAll // the raised-by names of an account's mail for the screens' filters (their boundaries check the account)
    public List<AppUser> users(long accountId) {
        return em.createNamedQuery(AppUser.OF_ACCOUNT, AppUser.class).setParameter("accountId", accountId).getResultList();
    }

}
