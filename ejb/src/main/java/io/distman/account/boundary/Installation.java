package io.distman.account.boundary;

import io.distman.account.control.Invitations;
import io.distman.account.control.Labels;
import io.distman.account.control.Names;
import io.distman.account.entity.Account;
import io.distman.account.entity.AccountSummary;
import io.distman.account.entity.ApiKey;
import io.distman.account.entity.AppUser;
import io.distman.account.entity.Caller;
import io.distman.account.entity.InvalidSettingsException;
import io.distman.account.entity.Invitation;
import io.distman.account.entity.UserRole;
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
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The installation's operators manage the accounts themselves: list, create (code checked: pattern, length,
 * unique), rename, suspend and reactivate, and give an account its first admin. An operator works on no
 * account's mail ({@link Callers} gives them none). Every change is in the admin log as an installation change
 * (account id null), so it shows on the operator's log and not in an agency's.
 */
@Stateless
@RolesAllowed(Installation.OPERATOR)
public class Installation {

    /** The role of the installation's operators (group OPERATOR, glassfish-web.xml). */
    public static final String OPERATOR = "operator";

    /** Lower-case letters, digits and inner hyphens, 2 to 64 characters: it appears in URLs and logs. */
    static final Pattern CODE = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])");

    @PersistenceContext(unitName = "distman")
    EntityManager em;

    @Inject
    Clock clock;

    @EJB
    Callers callers;

    @EJB
    AccountService accounts;

    @EJB
    AdminLog log;

    @EJB
    Invitations invitations;

    public List<AccountSummary> accounts() {
        Map<Long, Long> users = counts(AppUser.COUNT_BY_ACCOUNT);
        Map<Long, Long> keys = counts(ApiKey.COUNT_ACTIVE);
        return em.createNamedQuery(Account.ALL, Account.class).getResultStream()
                .map(a -> new AccountSummary(a.getId(), a.getCode(), a.getName(), a.getCreatedAt(), a.getTransport(),
                        a.getSuspendedAt(), users.getOrDefault(a.getId(), 0L), keys.getOrDefault(a.getId(), 0L)))
                .toList();
    }

    private Map<Long, Long> counts(String query) {
        return em.createNamedQuery(query, Object[].class).getResultStream()
                .collect(Collectors.toMap(row -> (Long) row[0], row -> (Long) row[1]));
    }

    /** @throws NotFoundException for a code no account has */
    public AccountSummary account(String code) {
        return accounts.byCode(code == null ? "" : code.strip()).map(this::summary)
                .orElseThrow(() -> new NotFoundException("no such account"));
    }

    /** @throws InvalidSettingsException naming {@code code} or {@code name}; nothing is stored then */
    public AccountSummary create(String code, String name) {
        Caller caller = callers.current();
        String checkedCode = code == null ? "" : code.strip();
        if (checkedCode.isEmpty()) {
            throw new InvalidSettingsException("code", "code: is required");
        }
        if (checkedCode.length() > 64 || !CODE.matcher(checkedCode).matches()) {
            throw new InvalidSettingsException("code",
                    "code: must be 2 to 64 lower-case letters, digits or hyphens, starting and ending with a letter or digit");
        }
        String checkedName = Labels.check("name", name, 200);
        if (accounts.byCode(checkedCode).isPresent()) {
            throw new InvalidSettingsException("code", "code: '" + checkedCode + "' is already in use");
        }
        Account account = accounts.create(checkedCode, checkedName);
        em.flush(); // a concurrent create of the same code fails here (unique), inside this transaction
        log.record(null, caller.actor(), "account.create", checkedCode, null, checkedName);
        return summary(account);
    }

    public AccountSummary rename(long accountId, String name) {
        Caller caller = callers.current();
        Account account = account(accountId);
        String checkedName = Labels.check("name", name, 200);
        if (!checkedName.equals(account.getName())) {
            log.record(null, caller.actor(), "account.name", account.getCode(), account.getName(), checkedName);
            account.rename(checkedName);
        }
        return summary(account);
    }

    /** Its keys, users and modules are refused from the next request on; nothing of it is deleted. */
    public AccountSummary suspend(long accountId) {
        Caller caller = callers.current();
        Account account = account(accountId);
        if (!account.isSuspended()) {
            account.suspend(clock.instant());
            log.record(null, caller.actor(), "account.suspend", account.getCode(), "active", "suspended");
        }
        return summary(account);
    }

    public AccountSummary reactivate(long accountId) {
        Caller caller = callers.current();
        Account account = account(accountId);
        if (account.isSuspended()) {
            account.reactivate();
            log.record(null, caller.actor(), "account.reactivate", account.getCode(), "suspended", "active");
        }
        return summary(account);
    }

    /**
     * An admin who signs in with the given password (the password policy applies; it is not logged).
     * @throws InvalidSettingsException naming {@code username}, {@code displayName} or {@code email}
     */
    public AccountSummary createAdmin(long accountId, String username, String displayName, String email, char[] password) {
        Caller caller = callers.current();
        Account account = account(accountId);
        String user = Labels.check("username", username, 100);
        String display = Labels.check("displayName", displayName, 200);
        String mail = email == null || email.isBlank() ? null : Labels.check("email", email, 320);
        if (accounts.profile(user).isPresent()) {
            throw new InvalidSettingsException("username", "username: '" + user + "' is already in use");
        }
        try {
            accounts.addUser(accountId, user, display, mail, UserRole.ADMIN, password == null ? new char[0] : password);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException("username", "username: is not a usable name");
        }
        log.record(null, caller.actor(), "user.create", account.getCode() + "/" + user, null, "ADMIN, password set");
        return summary(account);
    }

    /**
     * An admin who chooses their own password with a one-time link: mailed to them when an address is given, and
     * returned once, so that the operator never knows an agency admin's password (as {@code createAdmin} would have
     * them). The link works once, for {@code distman.invitation.validity}.
     * @throws InvalidSettingsException naming {@code username}, {@code displayName} or {@code email}
     */
    public Invitation inviteAdmin(long accountId, String username, String displayName, String email) {
        Caller caller = callers.current();
        Account account = account(accountId);
        String user = Labels.check("username", username, 100);
        String display = Labels.check("displayName", displayName, 200);
        String mail = email == null || email.isBlank() ? null : Labels.check("email", email, 320);
        if (mail != null) {
            Names.emailProblem(mail).ifPresent(problem -> {
                throw new InvalidSettingsException("email", "email: " + problem);
            });
        }
        Names.usernameProblem(user).ifPresent(problem -> {
            throw new InvalidSettingsException("username", "username: " + problem);
        });
        if (accounts.profile(user).isPresent()) {
            throw new InvalidSettingsException("username", "username: '" + user + "' is already in use");
        }
        AppUser added = new AppUser(accountId, user, display, mail, UserRole.ADMIN);
        em.persist(added);
        Invitation invitation = invitations.issue(added, caller.actor());
        log.record(null, caller.actor(), "user.create", account.getCode() + "/" + user, null, "ADMIN, invited: "
                + (invitation.mailedTo() == null ? "link issued" : "link mailed to " + invitation.mailedTo()));
        return invitation;
    }

    private Account account(long accountId) {
        Account account = em.find(Account.class, accountId);
        if (account == null) {
            throw new NotFoundException("no such account");
        }
        return account;
    }

    private AccountSummary summary(Account account) {
        return accounts().stream().filter(s -> s.id() == account.getId()).findFirst().orElseThrow();
    }
}
