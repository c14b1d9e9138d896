package io.distman.account.boundary;

import io.distman.account.entity.InvitationRefusedException;
import io.distman.account.entity.PasswordRefusedException;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * The set-password page of an invitation link (/invite.xhtml?token=..., no sign-in): the invitee chooses a
 * password (the policy applies) and the link is used up. Unknown, expired and used links are refused alike.
 */
@Named("invitation")
@ViewScoped
public class InvitationBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    InvitationAcceptance acceptance;

    private String token;
    private String username;
    private String password;
    private String repeated;
    private boolean done;

    /** Reads the link once, when the page opens. */
    public void open() {
        username = acceptance.username(token).orElse(null);
    }

    public void accept() {
        FacesContext context = FacesContext.getCurrentInstance();
        if (password == null || !password.equals(repeated)) {
            context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, "The two passwords differ.", null));
            return;
        }
        try {
            acceptance.accept(token, password.toCharArray());
            done = true;
        } catch (PasswordRefusedException e) {
            context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, "The password " + e.error().message(), null));
        } catch (InvitationRefusedException e) {
            username = null;
        } finally {
            password = null;
            repeated = null;
        }
    }

    public boolean isUsable() { return username != null; }
    public boolean isDone() { return done; }
    public String getUsername() { return username; }
    public String getToken() { return token; }
    public void setToken(String token) { this.token = token; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getRepeated() { return repeated; }
    public void setRepeated(String repeated) { this.repeated = repeated; }
}
