package io.distman.serial.control;

import io.distman.directory.entity.Contact;
import io.distman.message.entity.Category;
import io.distman.preference.boundary.Preferences;
import io.distman.serial.entity.RecipientOutcome;
import io.distman.suppression.boundary.SuppressionList;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What each contact of a page will get, the one place the count and the sending both ask. Only a contact who declined
 * the newsletter while newsletter sending is on gets no message at all (the sender chose not to write to them); every
 * other contact gets a message, whose delivery may say why it is not sent, in the order submission decides it: opted
 * out in the directory (the person's wish: not even a letter), no email address (EMAIL_MISSING: the print queue's
 * letters), suppressed, opted out in our own preference store. An opt-out, wherever it is, outranks "not for the
 * newsletter" so that the audit shows the opt-out.
 */
@Dependent
public class RecipientRules {

    @Inject
    Preferences preferences;

    @Inject
    SuppressionList suppressions;

    /** @return the ids of the contacts of {@code page} that get no message (NOT_NEWSLETTER) */
    public Set<Long> withoutMessage(long accountId, List<Contact> page, boolean newsletterOnly) {
        if (!newsletterOnly) {
            return Set.of();
        }
        Set<String> optedOut = optedOutHere(accountId, page);
        Set<Long> without = new HashSet<>();
        for (Contact contact : page) {
            if (!contact.newsletter() && !contact.optedOut() && !optedOut.contains(key(contact))) {
                without.add(contact.id());
            }
        }
        return without;
    }

    /**
     * @return by contact id, why a contact of {@code page} will not be written to; absent: their mail will go. One
     *         preference and one suppression query for the page. (An address submission refuses as malformed is not
     *         foreseen: the directory's addresses are the host's.)
     */
    public Map<Long, RecipientOutcome> notReceiving(long accountId, List<Contact> page, boolean newsletterOnly, Instant now) {
        Set<String> optedOut = optedOutHere(accountId, page);
        Set<String> suppressed = suppressions.activeFor(accountId,
                page.stream().filter(Contact::hasEmail).map(c -> c.email().strip()).toList(), Category.BULK, now).keySet();
        Map<Long, RecipientOutcome> reasons = new HashMap<>();
        for (Contact contact : page) {
            String key = key(contact);
            RecipientOutcome reason;
            if (contact.optedOut()) {
                reason = RecipientOutcome.OPTED_OUT;
            } else if (newsletterOnly && !contact.newsletter() && !optedOut.contains(key)) {
                reason = RecipientOutcome.NOT_NEWSLETTER;
            } else if (key == null) {
                reason = RecipientOutcome.EMAIL_MISSING;
            } else if (suppressed.contains(key)) {
                reason = RecipientOutcome.SUPPRESSED;
            } else {
                reason = optedOut.contains(key) ? RecipientOutcome.OPTED_OUT : null;
            }
            if (reason != null) {
                reasons.put(contact.id(), reason);
            }
        }
        return reasons;
    }

    /** The page's addresses opted out in our own store (support's opt-outs, feature {@code preference}). */
    private Set<String> optedOutHere(long accountId, List<Contact> page) {
        return preferences.of(accountId, page.stream().filter(Contact::hasEmail).map(Contact::email).toList())
                .entrySet().stream().filter(e -> e.getValue().isOptedOut()).map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    private static String key(Contact contact) {
        return contact.hasEmail() ? contact.email().strip().toLowerCase(Locale.ROOT) : null;
    }
}
