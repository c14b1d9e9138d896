package io.distman.tracking.boundary;

import io.distman.account.entity.Account;
import io.distman.message.entity.Category;
import io.distman.tracking.entity.AccountTracking;
import io.distman.tracking.entity.TrackingChoice;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Each account's consent to open and click tracking, per category of mail. */
@Stateless
@PermitAll // reached by screens and REST only through TrackingAdmin, which checks caller and account (ArchitectureTest keeps it so)
public class TrackingConsent {

    @PersistenceContext(unitName = "distman")
    EntityManager em;

    /**
     * The account's consent to open and click tracking for one category, applied to mail sent from
     * now on (mail already sent keeps the pixel and links it was sent with).
     */
    public void setTracking(long accountId, Category category, TrackingChoice choice) {
        if (em.find(Account.class, accountId) == null) {
            throw new IllegalArgumentException("No account " + accountId);
        }
        AccountTracking existing = em.find(AccountTracking.class, new AccountTracking.Key(accountId, category));
        if (existing == null) {
            em.persist(new AccountTracking(accountId, category, choice));
        } else {
            existing.choose(choice);
        }
    }

    /** @return the account's choice for the category, or the category's default */
    public TrackingChoice tracking(long accountId, Category category) {
        AccountTracking chosen = em.find(AccountTracking.class, new AccountTracking.Key(accountId, category));
        return chosen == null ? TrackingChoice.byDefault(category) : chosen.choice();
    }
}
