package io.distman.account.boundary;

import io.distman.account.entity.AccountSummary;
import io.distman.account.entity.InvalidSettingsException;
import io.distman.account.entity.Invitation;
import io.distman.account.entity.PasswordRefusedException;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** The operator's accounts screen: list, create, rename, suspend/reactivate, first admin (invited, or with a password). */
@Named
@ViewScoped
public class AccountsBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    Installation installation;

    @Inject
    FacesContext faces;

    private List<AccountSummary> rows;
    private String code;
    private String name;
    private Long selectedId;
    private String newName;
    private String adminUsername;
    private String adminDisplayName;
    private String adminEmail;
    private String adminPassword;
    /** The set-password link just issued, shown once (only its hash is kept). */
    private String adminLink;

    public List<AccountSummary> getAccounts() {
        if (rows == null) {
            rows = installation.accounts();
        }
        return rows;
    }

    public void create() {
        if (attempt(() -> installation.create(code, name), "Account created")) {
            code = null;
            name = null;
        }
    }

    public void select(AccountSummary account) {
        selectedId = account.id();
        newName = account.name();
        adminUsername = null;
        adminDisplayName = null;
        adminEmail = null;
        adminPassword = null;
        adminLink = null;
    }

    public void rename() {
        attempt(() -> installation.rename(selectedId, newName), "Renamed");
    }

    public void createAdmin() {
        if (attempt(() -> installation.createAdmin(selectedId, adminUsername, adminDisplayName, adminEmail,
                adminPassword == null ? null : adminPassword.toCharArray()), "Admin created")) {
            adminPassword = null;
        }
    }

    /** The better way to a first admin: they choose their own password with a one-time link, the operator never knows it. */
    public void inviteAdmin() {
        Invitation[] issued = new Invitation[1];
        if (attempt(() -> issued[0] = installation.inviteAdmin(selectedId, adminUsername, adminDisplayName, adminEmail),
                "Admin invited")) {
            adminLink = UsersBean.linkOf(issued[0]);
            String where = issued[0].mailedTo() == null ? "pass it on, it cannot be shown again"
                    : "it was mailed to " + issued[0].mailedTo();
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, "Set-password link of " + issued[0].username(),
                    "Set-password link of " + issued[0].username() + ": " + where + "."));
        }
    }

    public String getAdminLink() {
        return adminLink;
    }

    public void suspend(long id) {
        attempt(() -> installation.suspend(id), "Suspended");
    }

    public void reactivate(long id) {
        attempt(() -> installation.reactivate(id), "Reactivated");
    }

    private boolean attempt(Runnable change, String done) {
        try {
            change.run();
            rows = null;
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, done, done));
            return true;
        } catch (InvalidSettingsException | PasswordRefusedException e) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, "Not saved", e.getMessage()));
            faces.validationFailed();
            return false;
        }
    }

    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getNewName() { return newName; }
    public void setNewName(String newName) { this.newName = newName; }
    public String getAdminUsername() { return adminUsername; }
    public void setAdminUsername(String adminUsername) { this.adminUsername = adminUsername; }
    public String getAdminDisplayName() { return adminDisplayName; }
    public void setAdminDisplayName(String adminDisplayName) { this.adminDisplayName = adminDisplayName; }
    public String getAdminEmail() { return adminEmail; }
    public void setAdminEmail(String adminEmail) { this.adminEmail = adminEmail; }
    public String getAdminPassword() { return adminPassword; }
    public void setAdminPassword(String adminPassword) { this.adminPassword = adminPassword; }

    public String time(java.time.Instant at) {
        return ScreenTimes.format(at);
    }
}
