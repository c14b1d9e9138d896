package io.distman.account.control;

import io.distman.account.entity.AppUser;
import io.distman.account.entity.PasswordRefusedException;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;

/** Every password set goes through here (provisioning, an admin's reset, an invitation), so the policy holds for all. */
@Stateless
public class UserPasswords {

    /** Jakarta Security's PBKDF2: the same format the sign-in verifies. */
    @EJB
    PasswordHashes hashes;

    /** @throws PasswordRefusedException when the policy refuses the password (nothing changed) */
    public void set(AppUser user, char[] password) {
        PasswordPolicy.check(user.getUsername(), password).ifPresent(error -> {
            throw new PasswordRefusedException(error);
        });
        user.setPasswordHash(hashes.hash(password));
    }
}
