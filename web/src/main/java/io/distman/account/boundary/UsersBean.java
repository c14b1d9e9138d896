package io.distman.account.boundary;

import io.distman.account.entity.AdminRefusedException;
import io.distman.account.entity.Invitation;
import io.distman.account.entity.ModuleGrantRow;
import io.distman.account.entity.NewUser;
import io.distman.account.entity.PasswordRefusedException;
import io.distman.account.entity.SupportGrantRow;
import io.distman.account.entity.UserRole;
import io.distman.account.entity.UserRow;
import io.distman.platform.entity.NotFoundException;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The admins' users screen (/app/admin/users.xhtml): the account's users, adding one with a password or an
 * invitation, role, password reset, deactivation; the support staff and modules that may act for the account.
 * Always for the account of {@link CurrentUser}; {@link AccountAdmin} checks the caller and the account again.
 */
@Named("users")
@ViewScoped
public class UsersBean implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @EJB
    AccountAdmin admin;

    @Inject
    CurrentUser currentUser;

    private List<UserRow> rows;
    private List<SupportGrantRow> supportGrants;
    private List<ModuleGrantRow> moduleGrants;

    private String username;
    private String displayName;
    private String email;
    private UserRole role = UserRole.AGENT;
    private String password;

    private UserRow toReset;
    private String newPassword;

    private String supportUsername;
    private String modulePrincipal;

    /** The set-password link just issued: shown once, as the token is stored nowhere. */
    private String link;

    public List<UserRow> getRows() {
        if (rows == null) {
            rows = admin.users(currentUser.accountId());
        }
        return rows;
    }

    public List<SupportGrantRow> getSupportGrants() {
        if (supportGrants == null) {
            supportGrants = admin.supportGrants(currentUser.accountId());
        }
        return supportGrants;
    }

    public List<ModuleGrantRow> getModuleGrants() {
        if (moduleGrants == null) {
            moduleGrants = admin.moduleGrants(currentUser.accountId());
        }
        return moduleGrants;
    }

    public void addWithPassword() {
        run("Added", () -> {
            admin.addUser(currentUser.accountId(), newUser(), chars(password));
            return username + " can sign in now.";
        });
    }

    public void addAndInvite() {
        run("Invited", () -> {
            Invitation invitation = admin.invite(currentUser.accountId(), newUser());
            return shown(invitation);
        });
    }

    public void changeRole(UserRow row, UserRole to) {
        run("Role changed", () -> {
            admin.changeRole(currentUser.accountId(), row.username(), to);
            return row.username() + " is " + to + " now.";
        });
    }

    public void setActive(UserRow row, boolean active) {
        run(active ? "Reactivated" : "Deactivated", () -> {
            admin.setActive(currentUser.accountId(), row.username(), active);
            return row.username() + (active ? " can sign in again." : " cannot sign in any more.");
        });
    }

    public void askReset(UserRow row) {
        toReset = row;
        newPassword = null;
    }

    public void resetPassword() {
        run("Password reset", () -> {
            admin.resetPassword(currentUser.accountId(), toReset.username(), chars(newPassword));
            return "The new password of " + toReset.username() + " is set.";
        });
    }

    public void sendLink(UserRow row) {
        run("Link sent", () -> shown(admin.resetByInvitation(currentUser.accountId(), row.username())));
    }

    public void grantSupport() {
        run("Granted", () -> {
            SupportGrantRow granted = admin.grantSupport(currentUser.accountId(), supportUsername);
            return granted.username() + " may now work on this account.";
        });
    }

    public void revokeSupport(SupportGrantRow row) {
        run("Revoked", () -> {
            admin.revokeSupport(currentUser.accountId(), row.username());
            return row.username() + " may no longer work on this account.";
        });
    }

    public void grantModule() {
        run("Granted", () -> {
            ModuleGrantRow granted = admin.grantModule(currentUser.accountId(), modulePrincipal);
            return "The module " + granted.principal() + " may now act for this account.";
        });
    }

    public void revokeModule(ModuleGrantRow row) {
        run("Revoked", () -> {
            admin.revokeModule(currentUser.accountId(), row.principal());
            return "The module " + row.principal() + " may no longer act for this account.";
        });
    }

    public String when(Instant at) {
        return at == null ? "never" : WHEN.format(at.atZone(ZoneId.systemDefault()));
    }

    /** The set-password link as this request reached the application (scheme, host, port and context path). */
    static String linkOf(Invitation invitation) {
        HttpServletRequest request = (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
        return invitation.link(request.getRequestURL().toString().replace(request.getRequestURI(), "") + request.getContextPath());
    }

    public UserRole[] getRoles() {
        return new UserRole[] {UserRole.AGENT, UserRole.ADMIN, UserRole.SUPPORT};
    }

    private String shown(Invitation invitation) {
        link = linkOf(invitation);
        return "The set-password link of " + invitation.username() + (invitation.mailedTo() == null
                ? " is below: pass it on (it cannot be shown again)." : " was mailed to " + invitation.mailedTo() + ".");
    }

    private NewUser newUser() {
        return new NewUser(username, displayName, email, role);
    }

    private static char[] chars(String text) {
        return text == null ? new char[0] : text.toCharArray();
    }

    private interface Change {
        String make();
    }

    /** Makes the change and says so; a refusal is said instead (nothing was changed) and keeps a dialog open. */
    private void run(String summary, Change change) {
        FacesContext context = FacesContext.getCurrentInstance();
        link = null;
        try {
            String done = change.make();
            context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, summary, done));
            username = displayName = email = password = newPassword = supportUsername = modulePrincipal = null;
            role = UserRole.AGENT;
        } catch (AdminRefusedException e) {
            refused(context, e.error().field() + " " + e.error().message());
        } catch (PasswordRefusedException e) {
            refused(context, "the password " + e.error().message());
        } catch (NotFoundException e) {
            refused(context, "this user or grant is gone; the list is reloaded.");
        }
        rows = null;
        supportGrants = null;
        moduleGrants = null;
    }

    private static void refused(FacesContext context, String text) {
        String sentence = "Not changed: " + text;
        context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, sentence, sentence));
        context.validationFailed();
    }

    public String getLink() { return link; }
    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String displayName) { this.displayName = displayName; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public UserRole getRole() { return role; }
    public void setRole(UserRole role) { this.role = role; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public UserRow getToReset() { return toReset; }
    public String getNewPassword() { return newPassword; }
    public void setNewPassword(String newPassword) { this.newPassword = newPassword; }
    public String getSupportUsername() { return supportUsername; }
    public void setSupportUsername(String supportUsername) { this.supportUsername = supportUsername; }
    public String getModulePrincipal() { return modulePrincipal; }
    public void setModulePrincipal(String modulePrincipal) { this.modulePrincipal = modulePrincipal; }
}
