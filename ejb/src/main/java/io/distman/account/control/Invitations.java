package io.distman.account.control;

import io.distman.account.entity.AppUser;
import io.distman.account.entity.Invitation;
import io.distman.account.entity.InvitationIssued;
import io.distman.account.entity.InvitationRefusedException;
import io.distman.account.entity.UserInvitation;
import io.distman.platform.boundary.Settings;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Set-password links: issued for a user (the older open ones of that user used up, so only the newest works) and
 * mailed to the user's address, if any, after commit ({@link InvitationIssued}); kept as the SHA-256 of the token, good once and for {@code distman.invitation.validity} (72 hours).
 * Whatever is wrong with a presented token (unknown, expired, used, its user deactivated or gone), the answer
 * is the same refusal.
 */
@Stateless
public class Invitations {

    /** Tokens are 46 characters ({@link ApiKeys#newKey}); anything much longer is not worth hashing. */
    private static final int MAX_TOKEN = 200;

    @PersistenceContext(unitName = "distman")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Event<InvitationIssued> issued;

    public Invitation issue(AppUser user, String issuedBy) {
        Instant now = clock.instant();
        cancelOpen(user);
        String token = ApiKeys.newKey();
        Instant expires = now.plus(Settings.duration("distman.invitation.validity", Duration.ofHours(72)));
        em.persist(new UserInvitation(ApiKeys.hash(token), user.getAccountId(), user.getUsername(), now, issuedBy, expires));
        String email = user.getEmail() == null || user.getEmail().isBlank() ? null : user.getEmail();
        if (email != null) {
            issued.fire(new InvitationIssued(user.getAccountId(), user.getUsername(), user.getDisplayName(), email, token,
                    expires, issuedBy));
        }
        return new Invitation(user.getUsername(), token, expires, email);
    }

    /** The user's open links stop working (a newer one was issued, or the admin set the password). */
    public void cancelOpen(AppUser user) {
        Instant now = clock.instant();
        em.createNamedQuery(UserInvitation.OPEN_OF_USER, UserInvitation.class).setParameter("accountId", user.getAccountId())
                .setParameter("username", user.getUsername()).getResultStream().forEach(open -> open.use(now));
    }

    /** The user a usable link is for (the page greets them by name), without using it. */
    public Optional<AppUser> peek(String token) {
        return usable(token, LockModeType.NONE).map(this::user);
    }

    /**
     * Uses the link up (the row locked, so two tabs cannot both use it) and returns its user, whose password the
     * caller sets in the same transaction.
     * @throws InvitationRefusedException for any link that cannot be used
     */
    public AppUser use(String token) {
        UserInvitation invitation = usable(token, LockModeType.PESSIMISTIC_WRITE).orElseThrow(InvitationRefusedException::new);
        invitation.use(clock.instant());
        return user(invitation);
    }

    private Optional<UserInvitation> usable(String token, LockModeType lock) {
        if (token == null || token.isBlank() || token.length() > MAX_TOKEN) {
            return Optional.empty();
        }
        UserInvitation found = em.find(UserInvitation.class, ApiKeys.hash(token.strip()), lock);
        if (found == null || !found.usableAt(clock.instant())) {
            return Optional.empty();
        }
        AppUser user = user(found);
        return user != null && user.isActive() ? Optional.of(found) : Optional.empty();
    }

    private AppUser user(UserInvitation invitation) {
        return em.find(AppUser.class, new AppUser.Key(invitation.getAccountId(), invitation.getUsername()));
    }
}
