package io.distman.tracking.boundary;

import io.distman.account.boundary.Callers;
import io.distman.account.entity.Caller;
import io.distman.account.entity.InvalidSettingsException;
import io.distman.adminlog.boundary.AdminLog;
import io.distman.message.entity.Category;
import io.distman.tracking.entity.TrackingChoice;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.util.EnumMap;
import java.util.Map;

/**
 * The account admin's tracking consent per category, for the screen and the REST API: the caller is checked
 * against the account and every change is in the admin log. Dispatch reads the consent itself (its own query),
 * never through here.
 */
@Stateless
@RolesAllowed("admin")
public class TrackingAdmin {

    @EJB
    Callers callers;

    @EJB
    TrackingConsent consent;

    @EJB
    AdminLog log;

    /** Every category's choice (the default where the account chose nothing). */
    public Map<Category, TrackingChoice> tracking(long accountId) {
        callers.forAccount(accountId);
        Map<Category, TrackingChoice> all = new EnumMap<>(Category.class);
        for (Category category : Category.values()) {
            all.put(category, consent.tracking(accountId, category));
        }
        return all;
    }

    public TrackingChoice setTracking(long accountId, Category category, TrackingChoice choice) {
        Caller caller = callers.forAccount(accountId);
        if (category == null || choice == null) {
            throw category == null ? new InvalidSettingsException("category", "category: is required")
                    : new InvalidSettingsException("choice", "choice: is required");
        }
        TrackingChoice before = consent.tracking(accountId, category);
        consent.setTracking(accountId, category, choice);
        if (!before.equals(choice)) {
            log.record(accountId, caller.actor(), "tracking.set", category.name(), describe(before), describe(choice));
        }
        return choice;
    }

    static String describe(TrackingChoice choice) {
        return "opens " + (choice.opens() ? "on" : "off") + ", clicks " + (choice.clicks() ? "on" : "off");
    }
}
