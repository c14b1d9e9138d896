package io.distman.account.boundary;

import io.distman.account.control.Invitations;
import io.distman.account.control.Names;
import io.distman.account.control.UserPasswords;
import io.distman.account.entity.Account;
import io.distman.account.entity.AdminRefusedException;
import io.distman.account.entity.AppUser;
import io.distman.account.entity.Invitation;
import io.distman.account.entity.ModuleGrant;
import io.distman.account.entity.ModuleGrantRow;
import io.distman.account.entity.NewUser;
import io.distman.account.entity.SupportGrant;
import io.distman.account.entity.SupportGrantRow;
import io.distman.account.entity.UserRole;
import io.distman.account.entity.UserRow;
import io.distman.adminlog.boundary.AdminLog;
import io.distman.adminlog.entity.AdminChangeRow;
import io.distman.platform.entity.NotFoundException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An account's administration by its admins (screens and REST): its users (add with a password or an
 * invitation, role, password reset, deactivation), the support staff and the modules that may act for it, and
 * the admin log of it all. Every method first checks that the caller may act for the account it names
 * ({@link Callers#forAccount}); every change is written to the admin log in the same transaction, with the
 * caller as who did it and never a password or token (only "set", "reset").
 */
@Stateless
@RolesAllowed(AccountAdmin.ADMIN)
public class AccountAdmin {

    static final String ADMIN = "admin";

    /** The roles an account's admin may give: never an installation role. */
    static final Set<UserRole> ASSIGNABLE = Set.of(UserRole.AGENT, UserRole.ADMIN, UserRole.SUPPORT);

    @PersistenceContext(unitName = "distman")
    EntityManager em;

    @Inject
    Clock clock;

    @EJB
    Callers callers;

    @EJB
    AdminLog log;

    @EJB
    UserPasswords passwords;

    @EJB
    Invitations invitations;

    public List<UserRow> users(long accountId) {
        callers.forAccount(accountId);
        return em.createNamedQuery(AppUser.OF_ACCOUNT, AppUser.class).setParameter("accountId", accountId)
                .getResultStream().map(UserRow::of).toList();
    }

    /**
     * A user who signs in with the password the admin sets (the policy applies).
     * @throws AdminRefusedException naming the field; {@code PasswordRefusedException} for the password
     */
    public UserRow addUser(long accountId, NewUser user, char[] password) {
        String actor = callers.forAccount(accountId).actor();
        AppUser added = persist(accountId, user);
        passwords.set(added, password);
        log.record(accountId, actor, "user.add", added.getUsername(), null, describe(added) + ", password set");
        return UserRow.of(added);
    }

    /** A user who sets their own password with a one-time link, mailed to them (if they have an address) and returned once. */
    public Invitation invite(long accountId, NewUser user) {
        String actor = callers.forAccount(accountId).actor();
        AppUser added = persist(accountId, user);
        log.record(accountId, actor, "user.add", added.getUsername(), null, describe(added) + ", invited");
        return invitation(added, actor);
    }

    public UserRow changeRole(long accountId, String username, UserRole role) {
        String actor = callers.forAccount(accountId).actor();
        AppUser user = user(accountId, username);
        if (role == null || !ASSIGNABLE.contains(role)) {
            throw new AdminRefusedException("role", "must be one of AGENT, ADMIN, SUPPORT");
        }
        UserRole before = user.getRole();
        if (before != role) {
            keepAnAdmin(user, "role");
            if (before == UserRole.SUPPORT) {
                // Grants to other accounts are for support staff only; they must not come back with the role. Each
                // account that granted one sees it go in its own log.
                em.createNamedQuery(SupportGrant.OF_USER, SupportGrant.class).setParameter("username", user.getUsername())
                        .getResultStream().forEach(grant -> {
                            em.remove(grant);
                            log.record(grant.getAccountId(), actor, "support.revoke", user.getUsername(), "granted",
                                    null);
                        });
            }
            user.setRole(role);
            log.record(accountId, actor, "user.role", user.getUsername(), before.name(), role.name());
        }
        return UserRow.of(user);
    }

    /** The admin sets a new password (the policy applies); earlier set-password links stop working. */
    public UserRow resetPassword(long accountId, String username, char[] password) {
        String actor = callers.forAccount(accountId).actor();
        AppUser user = user(accountId, username);
        boolean had = user.getPasswordHash() != null;
        passwords.set(user, password);
        invitations.cancelOpen(user);
        log.record(accountId, actor, "user.password", user.getUsername(), had ? "set" : "none", "reset");
        return UserRow.of(user);
    }

    /** The user's password stops working and a new set-password link is mailed to them and returned once. */
    public Invitation resetByInvitation(long accountId, String username) {
        String actor = callers.forAccount(accountId).actor();
        AppUser user = user(accountId, username);
        if (!user.isActive()) {
            throw new AdminRefusedException("active", "reactivate the user first");
        }
        boolean had = user.getPasswordHash() != null;
        user.setPasswordHash(null);
        log.record(accountId, actor, "user.password", user.getUsername(), had ? "set" : "none", "reset, link sent");
        return invitation(user, actor);
    }

    /** A deactivated user cannot sign in, and a session they still have ends on its next request. */
    public UserRow setActive(long accountId, String username, boolean active) {
        String actor = callers.forAccount(accountId).actor();
        AppUser user = user(accountId, username);
        if (user.isActive() != active) {
            if (!active) {
                keepAnAdmin(user, "active");
            }
            user.setActive(active);
            log.record(accountId, actor, active ? "user.reactivate" : "user.deactivate", user.getUsername(),
                    active ? "inactive" : "active", active ? "active" : "inactive");
        }
        return UserRow.of(user);
    }

    public List<SupportGrantRow> supportGrants(long accountId) {
        callers.forAccount(accountId);
        return em.createNamedQuery(SupportGrant.OF_ACCOUNT, SupportGrant.class).setParameter("accountId", accountId)
                .getResultStream().map(g -> supportRow(g.getUsername())).toList();
    }

    /** Lets a support user (of any account: support staff are usually the installation's) work on this account. */
    public SupportGrantRow grantSupport(long accountId, String username) {
        String actor = callers.forAccount(accountId).actor();
        AppUser user = byUsername(username).filter(u -> u.getRole() == UserRole.SUPPORT && u.isActive())
                .orElseThrow(() -> new AdminRefusedException("username", "is not an active support user"));
        if (user.getAccountId() == accountId) {
            throw new AdminRefusedException("username", "is a support user of this account already");
        }
        if (em.find(SupportGrant.class, new SupportGrant.Key(user.getUsername(), accountId)) == null) {
            em.persist(new SupportGrant(user.getUsername(), accountId));
            log.record(accountId, actor, "support.grant", user.getUsername(), null, "granted");
        }
        return supportRow(user.getUsername());
    }

    public void revokeSupport(long accountId, String username) {
        String actor = callers.forAccount(accountId).actor();
        SupportGrant grant = username == null ? null : em.find(SupportGrant.class, new SupportGrant.Key(username, accountId));
        if (grant == null) {
            throw new NotFoundException("no support grant for " + username);
        }
        em.remove(grant);
        log.record(accountId, actor, "support.revoke", username, "granted", null);
    }

    public List<ModuleGrantRow> moduleGrants(long accountId) {
        callers.forAccount(accountId);
        return em.createNamedQuery(ModuleGrant.OF_ACCOUNT, ModuleGrant.class).setParameter("accountId", accountId)
                .getResultStream().map(ModuleGrantRow::of).toList();
    }

    /** Lets a module of this server, calling as {@code principal} (its run-as identity), act for the account. */
    public ModuleGrantRow grantModule(long accountId, String principal) {
        String actor = callers.forAccount(accountId).actor();
        Names.modulePrincipalProblem(principal).ifPresent(problem -> {
            throw new AdminRefusedException("principal", problem);
        });
        String name = principal.strip();
        if (byUsername(name).isPresent()) {
            // A user's name is taken as that user's sign-in (Callers), never as a module: the grant would do nothing.
            throw new AdminRefusedException("principal", "is a user's name, not a module's");
        }
        ModuleGrant grant = em.find(ModuleGrant.class, new ModuleGrant.Key(name, accountId));
        if (grant == null) {
            grant = new ModuleGrant(name, accountId, clock.instant(), actor);
            em.persist(grant);
            log.record(accountId, actor, "module.grant", name, null, "granted");
        }
        return ModuleGrantRow.of(grant);
    }

    public void revokeModule(long accountId, String principal) {
        String actor = callers.forAccount(accountId).actor();
        ModuleGrant grant = principal == null ? null : em.find(ModuleGrant.class, new ModuleGrant.Key(principal.strip(), accountId));
        if (grant == null) {
            throw new NotFoundException("no module grant for " + principal);
        }
        em.remove(grant);
        log.record(accountId, actor, "module.revoke", grant.getPrincipalName(), "granted", null);
    }

    /** The account's admin log, newest first. */
    public List<AdminChangeRow> log(long accountId, int first, int size) {
        callers.forAccount(accountId);
        return log.page(accountId, first, size);
    }

    public long logCount(long accountId) {
        callers.forAccount(accountId);
        return log.count(accountId);
    }

    private AppUser persist(long accountId, NewUser user) {
        if (user == null) {
            throw new AdminRefusedException("user", "is required");
        }
        Names.usernameProblem(user.username()).ifPresent(problem -> {
            throw new AdminRefusedException("username", problem);
        });
        if (byUsername(user.username()).isPresent()) {
            throw new AdminRefusedException("username", "is taken (usernames are unique in the installation)");
        }
        String name = user.displayName() == null ? "" : user.displayName().strip();
        if (name.isEmpty() || name.length() > 200 || name.chars().anyMatch(Character::isISOControl)) {
            throw new AdminRefusedException("displayName", "is required, at most 200 characters on one line");
        }
        String email = user.email() == null || user.email().isBlank() ? null : user.email().strip();
        if (email != null) {
            Names.emailProblem(email).ifPresent(problem -> {
                throw new AdminRefusedException("email", problem);
            });
        }
        if (user.role() == null || !ASSIGNABLE.contains(user.role())) {
            throw new AdminRefusedException("role", "must be one of AGENT, ADMIN, SUPPORT");
        }
        if (em.find(Account.class, accountId) == null) {
            throw new NotFoundException("no account " + accountId);
        }
        AppUser added = new AppUser(accountId, user.username(), name, email, user.role());
        em.persist(added);
        return added;
    }

    private Invitation invitation(AppUser user, String actor) {
        Invitation invitation = invitations.issue(user, actor);
        log.record(user.getAccountId(), actor, "user.invite", user.getUsername(), null,
                invitation.mailedTo() == null ? "link issued" : "link mailed to " + invitation.mailedTo());
        return invitation;
    }

    /** No change may leave the account without an active admin (the admin demoting or deactivating themselves included). */
    private void keepAnAdmin(AppUser user, String field) {
        if (user.getRole() == UserRole.ADMIN && user.isActive()) {
            long admins = em.createNamedQuery(AppUser.ACTIVE_WITH_ROLE, Long.class).setParameter("accountId", user.getAccountId())
                    .setParameter("role", UserRole.ADMIN).getSingleResult();
            if (admins <= 1) {
                throw new AdminRefusedException(field, user.getUsername() + " is the account's last active admin");
            }
        }
    }

    /** The account's user, or 404: another account's user looks exactly like one that does not exist. */
    private AppUser user(long accountId, String username) {
        AppUser user = username == null ? null : em.find(AppUser.class, new AppUser.Key(accountId, username));
        if (user == null) {
            throw new NotFoundException("no user " + username);
        }
        return user;
    }

    private Optional<AppUser> byUsername(String username) {
        return em.createNamedQuery(AppUser.BY_USERNAME, AppUser.class).setParameter("username", username)
                .getResultStream().findFirst();
    }

    private SupportGrantRow supportRow(String username) {
        return byUsername(username).map(u -> new SupportGrantRow(u.getUsername(), u.getDisplayName(),
                        Optional.ofNullable(em.find(Account.class, u.getAccountId())).map(Account::getName).orElse("")))
                .orElseGet(() -> new SupportGrantRow(username, "", ""));
    }

    private static String describe(AppUser user) {
        return user.getRole() + ", " + user.getDisplayName() + (user.getEmail() == null ? "" : " <" + user.getEmail() + ">");
    }
}
