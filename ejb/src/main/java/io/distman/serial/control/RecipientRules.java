package io.distman.serial.control;

import io.distman.directory.entity.Contact;
import io.distman.serial.entity.RecipientOutcome;
import jakarta.enterprise.context.Dependent;
import java.util.Optional;

/**
 * Which contacts get no message at all, the one place the count and the sending both ask: opted out (in the directory,
 * or in our own preference store), or declined the newsletter while newsletter sending is on. A contact without an
 * address still gets a message, whose delivery is EMAIL_MISSING (the print queue's letters).
 */
@Dependent
public class RecipientRules {

    public Optional<RecipientOutcome> skipped(long accountId, Contact contact, boolean newsletterOnly) {
        if (contact.optedOut() || optedOutInPreferences(accountId, contact)) {
            return Optional.of(RecipientOutcome.OPTED_OUT);
        }
        if (newsletterOnly && !contact.newsletter()) {
            return Optional.of(RecipientOutcome.NOT_NEWSLETTER);
        }
        return Optional.empty();
    }

    /**
     * PREFERENCE STORE JOINS HERE (issue 13 part 4, wired by the lead after merging the {@code preference} feature):
     * {@code return contact.hasEmail() && preferences.optedOut(accountId, contact.email());} with
     * {@code @Inject io.distman.preference.boundary.Preferences preferences}. Until then only the directory's flag counts.
     */
    boolean optedOutInPreferences(long accountId, Contact contact) {
        return false;
    }
}
