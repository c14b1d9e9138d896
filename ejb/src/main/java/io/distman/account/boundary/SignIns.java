package io.distman.account.boundary;

import io.distman.account.control.PasswordHashes;
import io.distman.account.control.SignInThrottles;
import io.distman.account.entity.Account;
import io.distman.account.entity.UserRole;
import io.distman.account.entity.AppUser;
import io.distman.account.entity.SignInResult;
import io.distman.account.entity.ThrottleKind;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Checks a username and password for the screens' identity store: refused while the username or the client
 * address is locked after too many failures (without looking at the password, so a lock also stops a right
 * guess); otherwise one PBKDF2 check whether the user exists or not, and the failure counted on both keys.
 * Unknown usernames are counted and locked exactly like known ones, so neither the answer nor its time
 * tells whether a username exists.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // each count commits on its own (SignInThrottles)
@PermitAll // signing in is what happens before there is a caller; the identity store calls it
public class SignIns {

    private static final Logger LOG = Logger.getLogger(SignIns.class.getName());

    @PersistenceContext(unitName = "distman")
    EntityManager em;

    @EJB
    PasswordHashes hashes;

    @EJB
    SignInThrottles throttles;

    /** @param clientAddress the address the request came from, or null when there is none (then per username only) */
    public SignInResult signIn(String username, char[] password, String clientAddress) {
        String name = username == null ? "" : username;
        Map<String, ThrottleKind> keys = new LinkedHashMap<>();
        keys.put(SignInThrottles.key(ThrottleKind.USER, name), ThrottleKind.USER);
        if (clientAddress != null) {
            keys.put(SignInThrottles.key(ThrottleKind.ADDRESS, clientAddress), ThrottleKind.ADDRESS);
        }
        Optional<java.time.Instant> locked = throttles.lockedUntil(keys);
        if (locked.isPresent()) {
            return SignInResult.locked(locked.get());
        }
        Optional<AppUser> user = em.createNamedQuery(AppUser.BY_USERNAME, AppUser.class).setParameter("username", name)
                .getResultStream().findFirst();
        // A deactivated user's hash is not looked at: the check runs against the dummy, in the same time, and fails.
        if (hashes.verify(password, user.filter(AppUser::isActive).map(AppUser::getPasswordHash).orElse(null))) {
            throttles.succeeded(SignInThrottles.key(ThrottleKind.USER, name));
            if (accountSuspended(user.get())) {
                // No session: the screens would only refuse every page. Said after the right password only.
                return SignInResult.suspended();
            }
            throttles.signedIn(new AppUser.Key(user.get().getAccountId(), user.get().getUsername()));
            return SignInResult.signedIn(user.get().getUsername(), user.get().getRole());
        }
        countFailure(keys);
        return throttles.lockedUntil(keys).map(SignInResult::locked).orElseGet(SignInResult::refused);
    }

    /**
     * Whether a signed-in user may go on with their session: not once deactivated (or removed). The screens ask
     * it on every request, so a deactivation ends a session on its next request.
     */
    public boolean mayStaySignedIn(String username) {
        return username != null && em.createNamedQuery(AppUser.BY_USERNAME, AppUser.class).setParameter("username", username)
                .getResultStream().findFirst().map(u -> u.isActive() && !accountSuspended(u)).orElse(false);
    }

    /** A user of an agency whose account an operator suspended (operators belong to no agency's account). */
    private boolean accountSuspended(AppUser user) {
        if (user.getRole() == UserRole.OPERATOR || user.getAccountId() == null) {
            return false;
        }
        Account account = em.find(Account.class, user.getAccountId());
        return account != null && account.isSuspended();
    }

    private void countFailure(Map<String, ThrottleKind> keys) {
        try {
            throttles.failed(keys);
        } catch (EJBException firstOfTwo) {
            // Another server inserted the same new key at the same moment; the row exists now.
            LOG.fine(() -> "sign-in failure counted again after " + firstOfTwo);
            throttles.failed(keys);
        }
    }
}
