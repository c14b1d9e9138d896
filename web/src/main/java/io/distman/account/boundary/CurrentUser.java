package io.distman.account.boundary;

import io.distman.account.entity.UserProfile;
import io.distman.account.entity.UserProfile.AccountRef;
import io.distman.account.entity.UserRole;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.Serializable;
import java.security.Principal;
import java.util.List;

/**
 * The signed-in user and the account the screens show. This is the only place the account of a
 * screen's queries comes from: it is the user's own account, or for support staff one of the accounts
 * granted to them, never a value from the request.
 */
@Named
@SessionScoped
public class CurrentUser implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    SecurityContext security;

    @EJB
    AccountService accounts;

    private UserProfile profile;
    private long accountId;

    /** @throws NotSignedInException when nobody is signed in (screens are behind the login, so a bug) */
    public UserProfile profile() {
        Principal principal = security.getCallerPrincipal();
        if (principal == null) {
            throw new NotSignedInException();
        }
        if (profile == null || !profile.username().equals(principal.getName())) {
            profile = accounts.profile(principal.getName()).orElseThrow(NotSignedInException::new);
            accountId = profile.home().id();
        }
        return profile;
    }

    /** The account whose mail the screens show. */
    public long accountId() {
        profile();
        return accountId;
    }

    public AccountRef getAccount() {
        long id = accountId();
        return profile.accounts().stream().filter(a -> a.id() == id).findFirst().orElseThrow();
    }

    public String getUsername() { return profile().username(); }
    public String getDisplayName() { return profile().displayName(); }
    public boolean isAdmin() { return profile().role() == UserRole.ADMIN; }
    public boolean isSupport() { return profile().role() == UserRole.SUPPORT; }
    public boolean isOperator() { return profile().role() == UserRole.OPERATOR; }
    public List<AccountRef> getAccounts() { return profile().accounts(); }

    public long getAccountId() { return accountId(); }

    /** Support staff switch between the accounts granted to them; anything else is refused. */
    public void setAccountId(long accountId) {
        if (!profile().mayWorkOn(accountId)) {
            throw new SecurityException("account " + accountId + " is not granted to " + profile.username());
        }
        this.accountId = accountId;
    }

    /** After switching the account, reload the page so every table shows the new account's mail. */
    public void reload() throws IOException {
        ExternalContext context = FacesContext.getCurrentInstance().getExternalContext();
        context.redirect(((HttpServletRequest) context.getRequest()).getRequestURI());
    }

    public void logout() throws IOException, ServletException {
        ExternalContext context = FacesContext.getCurrentInstance().getExternalContext();
        ((HttpServletRequest) context.getRequest()).logout();
        context.invalidateSession();
        context.redirect(context.getRequestContextPath() + "/login.xhtml");
    }

    /** Thrown when a screen asks for the user outside a signed-in request. */
    public static class NotSignedInException extends IllegalStateException {
        public NotSignedInException() {
            super("nobody is signed in");
        }
    }
}
