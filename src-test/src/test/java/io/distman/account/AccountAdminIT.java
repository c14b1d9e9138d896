package io.distman.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.account.boundary.AccountAdmin;
import io.distman.account.boundary.AccountService;
import io.distman.account.boundary.InvitationAcceptance;
import io.distman.account.boundary.SignIns;
import io.distman.account.entity.AccountAccessDeniedException;
import io.distman.account.entity.AdminRefusedException;
import io.distman.account.entity.Invitation;
import io.distman.account.entity.InvitationRefusedException;
import io.distman.account.entity.NewUser;
import io.distman.account.entity.PasswordRefusedException;
import io.distman.account.entity.UserRole;
import io.distman.account.entity.UserRow;
import io.distman.adminlog.entity.AdminChangeRow;
import io.distman.testsupport.Deployments;
import io.distman.testsupport.ejb.AsCaller;
import io.distman.testsupport.ejb.Fixtures;
import io.distman.testsupport.ejb.Fixtures.TestAccount;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Account administration (issue 11 part 4) at its boundary: only admins, only for their own account; the last
 * active admin stays; a deactivated user is refused at sign-in like a wrong password; a set-password link works
 * once and not after it expired; every change is in the admin log, with no password or token in it.
 */
@ExtendWith(ArquillianExtension.class)
public class AccountAdminIT {

    private static final String PASSWORD = "quiet-harbour-lantern-42";
    private static final String OTHER_PASSWORD = "amber-meadow-violin-87";

    @Deployment
    public static EnterpriseArchive deployment() {
        return Deployments.ear(AccountAdminIT.class);
    }

    @EJB
    AccountAdmin admin;

    @EJB
    InvitationAcceptance invitations;

    @EJB
    SignIns signIns;

    @EJB
    AccountService accounts;

    @EJB
    AsCaller as;

    @EJB
    Fixtures fixtures;

    TestAccount account;
    TestAccount other;
    String adminUser;

    @BeforeEach
    void setUp() {
        fixtures.forgetSignInFailures();
        account = fixtures.newAccount("admin-a");
        other = fixtures.newAccount("admin-b");
        adminUser = fixtures.newUser(account.id(), "admin", UserRole.ADMIN, PASSWORD);
    }

    private <T> T asAdmin(Callable<T> work) throws Exception {
        return as.call(adminUser, Set.of("ADMIN"), work);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void onlyAnAdminOfTheAccountMayAdministerIt() throws Exception {
        String agent = fixtures.newUser(account.id(), "agent", UserRole.AGENT, PASSWORD);
        assertThrows(EJBAccessException.class, () -> admin.users(account.id()), "anonymous");
        assertThrows(EJBAccessException.class, () -> as.call(agent, Set.of("AGENT"), () -> admin.users(account.id())),
                "an agent");
        assertThrows(AccountAccessDeniedException.class, () -> asAdmin(() -> admin.users(other.id())), "another account");
        assertThrows(AccountAccessDeniedException.class, () -> asAdmin(() -> admin.invite(other.id(),
                new NewUser(unique("x"), "X", null, UserRole.AGENT))), "another account's users");
        List<UserRow> users = asAdmin(() -> admin.users(account.id()));
        assertEquals(Set.of(adminUser, agent), users.stream().map(UserRow::username).collect(java.util.stream.Collectors.toSet()));
    }

    @Test
    void provisioningIsNotOpenToScreensOrKeys() throws Exception {
        assertThrows(EJBAccessException.class, () -> accounts.create(unique("p"), "anonymous"));
        assertThrows(EJBAccessException.class, () -> asAdmin(() -> accounts.addUser(account.id(), unique("p"), "P", null,
                UserRole.ADMIN)), "an admin goes through AccountAdmin, not the provisioning service");
        assertTrue(accounts.byCode(account.code()).isPresent(), "reads stay open");
    }

    @Test
    void theLastActiveAdminCannotDemoteOrDeactivateThemselves() throws Exception {
        AdminRefusedException demote = assertThrows(AdminRefusedException.class,
                () -> asAdmin(() -> admin.changeRole(account.id(), adminUser, UserRole.AGENT)));
        assertEquals("role", demote.error().field());
        AdminRefusedException deactivate = assertThrows(AdminRefusedException.class,
                () -> asAdmin(() -> admin.setActive(account.id(), adminUser, false)));
        assertEquals("active", deactivate.error().field());

        String second = fixtures.newUser(account.id(), "admin2", UserRole.ADMIN, PASSWORD);
        assertEquals(UserRole.AGENT, asAdmin(() -> admin.changeRole(account.id(), second, UserRole.AGENT)).role());
        asAdmin(() -> admin.changeRole(account.id(), second, UserRole.ADMIN));
        assertFalse(asAdmin(() -> admin.setActive(account.id(), adminUser, false)).active(), "another admin remains");
    }

    @Test
    void aDeactivatedUserIsRefusedLikeAWrongPasswordAndComesBackWhenReactivated() throws Exception {
        String username = unique("anna");
        asAdmin(() -> admin.addUser(account.id(), new NewUser(username, "Anna", "anna@staff.example.org", UserRole.AGENT),
                PASSWORD.toCharArray()));
        assertTrue(signIns.signIn(username, PASSWORD.toCharArray(), null).signedIn());
        assertTrue(signIns.mayStaySignedIn(username));
        assertTrue(asAdmin(() -> admin.users(account.id())).stream()
                .anyMatch(u -> u.username().equals(username) && u.lastSignInAt() != null), "last sign-in shown");

        asAdmin(() -> admin.setActive(account.id(), username, false));
        var refused = signIns.signIn(username, PASSWORD.toCharArray(), null);
        var wrong = signIns.signIn(adminUser, "not-the-password-at-all".toCharArray(), null);
        assertFalse(refused.signedIn());
        assertEquals(wrong, refused, "the same answer as a wrong password");
        assertFalse(signIns.mayStaySignedIn(username), "an existing session ends");
        assertTrue(accounts.profile(username).isEmpty(), "nobody's caller any more");

        fixtures.forgetSignInFailures();
        asAdmin(() -> admin.setActive(account.id(), username, true));
        assertTrue(signIns.signIn(username, PASSWORD.toCharArray(), null).signedIn());
    }

    @Test
    void anInvitationSetsThePasswordOnceAndNotAfterItExpired() throws Exception {
        String username = unique("ivy");
        Invitation invitation = asAdmin(() -> admin.invite(account.id(),
                new NewUser(username, "Ivy", "ivy@staff.example.org", UserRole.AGENT)));
        assertEquals("ivy@staff.example.org", invitation.mailedTo());
        assertEquals(1, fixtures.messages(account.id(), "invitation", username), "the link is mailed (after commit)");
        assertFalse(signIns.signIn(username, PASSWORD.toCharArray(), null).signedIn(), "no password yet");
        assertEquals(username, invitations.username(invitation.token()).orElseThrow());

        assertThrows(PasswordRefusedException.class, () -> invitations.accept(invitation.token(), "short".toCharArray()));
        assertEquals(username, invitations.accept(invitation.token(), PASSWORD.toCharArray()), "the link survived the refusal");
        assertTrue(signIns.signIn(username, PASSWORD.toCharArray(), null).signedIn());
        assertThrows(InvitationRefusedException.class, () -> invitations.accept(invitation.token(), OTHER_PASSWORD.toCharArray()),
                "used");
        assertTrue(invitations.username(invitation.token()).isEmpty());
        assertThrows(InvitationRefusedException.class, () -> invitations.accept("dm_unknown", OTHER_PASSWORD.toCharArray()),
                "unknown");

        Invitation reset = asAdmin(() -> admin.resetByInvitation(account.id(), username));
        assertFalse(signIns.signIn(username, PASSWORD.toCharArray(), null).signedIn(), "the old password stopped working");
        fixtures.expireInvitations(account.id(), username);
        assertThrows(InvitationRefusedException.class, () -> invitations.accept(reset.token(), OTHER_PASSWORD.toCharArray()),
                "expired");

        Invitation first = asAdmin(() -> admin.resetByInvitation(account.id(), username));
        Invitation second = asAdmin(() -> admin.resetByInvitation(account.id(), username));
        assertThrows(InvitationRefusedException.class, () -> invitations.accept(first.token(), OTHER_PASSWORD.toCharArray()),
                "replaced by a newer link");
        invitations.accept(second.token(), OTHER_PASSWORD.toCharArray());
        fixtures.forgetSignInFailures();
        assertTrue(signIns.signIn(username, OTHER_PASSWORD.toCharArray(), null).signedIn());

        assertEquals(0, fixtures.adminChangesMentioning(invitation.token()), "no token in the admin log");
        assertEquals(0, fixtures.adminChangesMentioning(second.token()));
    }

    @Test
    void supportAndModuleGrantsAreListedGrantedAndRevoked() throws Exception {
        String support = fixtures.newUser(other.id(), "support", UserRole.SUPPORT, PASSWORD);
        String agent = fixtures.newUser(other.id(), "agent", UserRole.AGENT, PASSWORD);
        assertEquals("username", assertThrows(AdminRefusedException.class,
                () -> asAdmin(() -> admin.grantSupport(account.id(), agent))).error().field(), "not support staff");
        asAdmin(() -> admin.grantSupport(account.id(), support));
        assertEquals(List.of(support), asAdmin(() -> admin.supportGrants(account.id())).stream().map(g -> g.username()).toList());
        assertTrue(accounts.profile(support).orElseThrow().mayWorkOn(account.id()));
        asAdmin(() -> {
            admin.revokeSupport(account.id(), support);
            return null;
        });
        assertFalse(accounts.profile(support).orElseThrow().mayWorkOn(account.id()));

        String own = fixtures.newUser(account.id(), "own-support", UserRole.SUPPORT, PASSWORD);
        fixtures.grantSupport(own, other.id());
        assertTrue(accounts.profile(own).orElseThrow().mayWorkOn(other.id()));
        asAdmin(() -> admin.changeRole(account.id(), own, UserRole.AGENT));
        assertFalse(accounts.profile(own).orElseThrow().mayWorkOn(other.id()), "no longer support: the grants go");
        assertEquals(2, fixtures.adminChangesMentioning(own), "the role change here, the grant's end in the other account's log");

        String module = unique("billing-module");
        asAdmin(() -> admin.grantModule(account.id(), module));
        assertTrue(asAdmin(() -> admin.moduleGrants(account.id())).stream().anyMatch(g -> g.principal().equals(module)
                && g.grantedBy().equals(adminUser)));
        assertEquals("principal", assertThrows(AdminRefusedException.class,
                () -> asAdmin(() -> admin.grantModule(account.id(), "apikey:abc"))).error().field());
        asAdmin(() -> {
            admin.revokeModule(account.id(), module);
            return null;
        });
        assertTrue(asAdmin(() -> admin.moduleGrants(account.id())).stream().noneMatch(g -> g.principal().equals(module)));
    }

    @Test
    void everyChangeIsLoggedNewestFirstWithoutSecrets() throws Exception {
        String username = unique("bob");
        asAdmin(() -> admin.addUser(account.id(), new NewUser(username, "Bob", null, UserRole.AGENT), PASSWORD.toCharArray()));
        asAdmin(() -> admin.changeRole(account.id(), username, UserRole.SUPPORT));
        asAdmin(() -> admin.resetPassword(account.id(), username, OTHER_PASSWORD.toCharArray()));
        asAdmin(() -> admin.setActive(account.id(), username, false));

        List<AdminChangeRow> log = asAdmin(() -> admin.log(account.id(), 0, 10));
        assertEquals(List.of("user.deactivate", "user.password", "user.role", "user.add"),
                log.stream().map(AdminChangeRow::action).toList());
        assertTrue(log.stream().allMatch(c -> c.actor().equals(adminUser) && c.subject().equals(username)));
        assertEquals("AGENT", log.get(2).before());
        assertEquals("SUPPORT", log.get(2).after());
        assertEquals("reset", log.get(1).after());
        assertEquals(4, asAdmin(() -> admin.logCount(account.id())));
        assertEquals(0, fixtures.adminChangesMentioning(PASSWORD), "no password in admin_change");
        assertEquals(0, fixtures.adminChangesMentioning(OTHER_PASSWORD));

        assertThrows(PasswordRefusedException.class,
                () -> asAdmin(() -> admin.resetPassword(account.id(), username, "password1234".toCharArray())));
        assertEquals(4, asAdmin(() -> admin.logCount(account.id())), "a refused change leaves no entry");
        assertThrows(AccountAccessDeniedException.class, () -> asAdmin(() -> admin.log(other.id(), 0, 10)),
                "another account's log");
    }
}
