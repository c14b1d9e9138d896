package io.distman.notification.control;

import io.distman.account.entity.AppUser;
import io.distman.notification.entity.NotificationPreference;
import io.distman.notification.entity.NotificationSettings;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/**
 * Resolves what a user is told and how: the user's own choice, else the account's defaults (set by its
 * admins), else the built-in (all four statuses, in the app, no email).
 */
@Dependent
public class NotificationPreferences {

    @PersistenceContext(unitName = "distman")
    EntityManager em;

    public NotificationSettings resolve(long accountId, String username) {
        return own(accountId, username)
                .or(() -> accountDefaults(accountId))
                .orElse(NotificationSettings.BUILT_IN);
    }

    public Optional<NotificationSettings> own(long accountId, String username) {
        return stored(accountId, username).map(s -> s.from("USER"));
    }

    public Optional<NotificationSettings> accountDefaults(long accountId) {
        return stored(accountId, NotificationPreference.ACCOUNT_DEFAULT).map(s -> s.from("ACCOUNT"));
    }

    public void save(long accountId, String username, NotificationSettings settings) {
        NotificationPreference stored = em.find(NotificationPreference.class,
                new AppUser.Key(accountId, username));
        if (stored == null) {
            em.persist(new NotificationPreference(accountId, username, settings));
        } else {
            stored.set(settings);
        }
    }

    /** Forgets a user's own choice, so the account's defaults apply again. */
    public void reset(long accountId, String username) {
        NotificationPreference stored = em.find(NotificationPreference.class,
                new AppUser.Key(accountId, username));
        if (stored != null) {
            em.remove(stored);
        }
    }

    private Optional<NotificationSettings> stored(long accountId, String username) {
        return Optional.ofNullable(em.find(NotificationPreference.class, new AppUser.Key(accountId, username)))
                .map(NotificationPreference::settings);
    }
}
