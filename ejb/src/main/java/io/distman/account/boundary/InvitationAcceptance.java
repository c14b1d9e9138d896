package io.distman.account.boundary;

import io.distman.account.control.Invitations;
import io.distman.account.control.UserPasswords;
import io.distman.account.entity.AppUser;
import io.distman.account.entity.InvitationRefusedException;
import io.distman.account.entity.PasswordRefusedException;
import io.distman.adminlog.boundary.AdminLog;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.util.Optional;

/**
 * The invitee's side of a set-password link (the page /invite.xhtml, outside the sign-in): the link's token is
 * the credential, checked here, so there is no caller to check.
 */
@Stateless
@PermitAll // the one-time token authenticates the invitee, who cannot sign in yet
public class InvitationAcceptance {

    @EJB
    Invitations invitations;

    @EJB
    UserPasswords passwords;

    @EJB
    AdminLog log;

    /** @return the username a usable link is for, or empty (for any link that cannot be used, alike) */
    public Optional<String> username(String token) {
        return invitations.peek(token).map(AppUser::getUsername);
    }

    /**
     * Sets the invitee's password and uses the link up, both or neither.
     * @throws InvitationRefusedException for a link that cannot be used
     * @throws PasswordRefusedException when the policy refuses the password (the link stays usable)
     */
    public String accept(String token, char[] password) {
        AppUser user = invitations.use(token);
        passwords.set(user, password);
        log.record(user.getAccountId(), user.getUsername(), "user.password", user.getUsername(), null, "set with a link");
        return user.getUsername();
    }
}
