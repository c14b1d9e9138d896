package io.distman.serial.control;

import io.distman.directory.entity.Contact;
import io.distman.serial.entity.RecipientOutcome;
import io.distman.preference.boundary.Preferences;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Which contacts get no message at all, the one place the count and the sending both ask: opted out (in the directory,
 * or in our own preference store), or declined the newsletter while newsletter sending is on. A contact without an
 * address still gets a message, whose delivery is EMAIL_MISSING (the print queue's letters).
 */
@Dependent
public class RecipientRules {

    @Inject
    Preferences preferences;

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
     * Our own preference store (support's opt-outs, feature {@code preference}): one look-up per contact with an
     * address. Submission asks the same store again for each message, so this only makes the count and the outcome
     * say why before anything is made.
     */
    boolean optedOutInPreferences(long accountId, Contact contact) {
        return contact.hasEmail() && preferences.optedOut(accountId, contact.email());
    }
}
