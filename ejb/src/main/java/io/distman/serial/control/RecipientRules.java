package io.distman.serial.control;

import io.distman.directory.entity.Contact;
import io.distman.serial.entity.RecipientOutcome;
import io.distman.preference.boundary.Preferences;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which contacts get no message at all, the one place the count and the sending both ask: opted out (in the directory,
 * or in our own preference store), or declined the newsletter while newsletter sending is on. A contact without an
 * address still gets a message, whose delivery is EMAIL_MISSING (the print queue's letters).
 */
@Dependent
public class RecipientRules {

    @Inject
    Preferences preferences;

    /**
     * @return the contacts of {@code page} that get no message, by id, with the reason. Our own preference store
     *         (support's opt-outs, feature {@code preference}) is asked once for the page; submission asks it again for
     *         each message, so this makes the count and the outcome say why before anything is made.
     */
    public Map<Long, RecipientOutcome> skipped(long accountId, List<Contact> page, boolean newsletterOnly) {
        Set<String> optedOut = preferences.of(accountId, page.stream().filter(Contact::hasEmail).map(Contact::email).toList())
                .entrySet().stream().filter(e -> e.getValue().isOptedOut()).map(Map.Entry::getKey).collect(Collectors.toSet());
        Map<Long, RecipientOutcome> skipped = new HashMap<>();
        for (Contact contact : page) {
            if (contact.optedOut() || (contact.hasEmail() && optedOut.contains(contact.email().strip().toLowerCase(Locale.ROOT)))) {
                skipped.put(contact.id(), RecipientOutcome.OPTED_OUT);
            } else if (newsletterOnly && !contact.newsletter()) {
                skipped.put(contact.id(), RecipientOutcome.NOT_NEWSLETTER);
            }
        }
        return skipped;
    }
}
