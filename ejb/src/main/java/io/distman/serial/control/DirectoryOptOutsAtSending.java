package io.distman.serial.control;

import io.distman.directory.boundary.Directory;
import io.distman.directory.entity.Contact;
import io.distman.message.entity.Delivery;
import io.distman.preference.entity.OptOutsElsewhere;
import io.distman.serial.entity.SerialRecipient;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Asks the host's directory again, just before a serial mail goes, whether its contact has opted out since the
 * mailing was created, or, for a mailing to newsletter readers only, no longer takes the newsletter: the directory's
 * flags are the person's wish, and a scheduled mailing can wait for days after the count and the creation read
 * them. One look-up of the contacts per account and dispatch block; a block without serial mail costs nothing. A contact the directory no longer knows is sent to as queued (it was mailable then,
 * and a directory that is down must not silently cancel a mailing).
 */
@Dependent
public class DirectoryOptOutsAtSending {

    static final String WHERE = "in the directory";
    static final String NEWSLETTER = "of the newsletter in the directory";

    @PersistenceContext(unitName = "distman")
    EntityManager em;

    @Inject
    Directory directory;

    void check(@Observes OptOutsElsewhere question) {
        Map<Long, Delivery> byMessage = new HashMap<>();
        for (Delivery d : question.deliveries()) {
            if (d.getMessage().getSerialMailingId() != null) {
                byMessage.putIfAbsent(d.getMessage().getId(), d); // a serial mail has one recipient
            }
        }
        if (byMessage.isEmpty()) {
            return;
        }
        Map<Long, Map<Long, Delivery>> contactsByAccount = new HashMap<>(); // account -> contact -> delivery
        Set<Long> newsletterOnly = new HashSet<>(); // deliveries of mailings to newsletter readers only
        for (Object[] row : em.createNamedQuery(SerialRecipient.CONTACTS_OF_MESSAGES, Object[].class)
                .setParameter("messageIds", List.copyOf(byMessage.keySet())).getResultList()) {
            Delivery d = byMessage.get(((Number) row[0]).longValue());
            contactsByAccount.computeIfAbsent(d.getAccountId(), a -> new HashMap<>()).put(((Number) row[1]).longValue(), d);
            if (Boolean.TRUE.equals(row[2])) {
                newsletterOnly.add(d.getId());
            }
        }
        contactsByAccount.forEach((accountId, deliveries) -> {
            for (Contact contact : directory.byIds(accountId, deliveries.keySet())) {
                Delivery d = deliveries.get(contact.id()); // null only if the host answered with a contact not asked for
                if (d == null) {
                    continue;
                }
                if (contact.optedOut()) {
                    question.optedOut(d.getId(), WHERE);
                } else if (!contact.newsletter() && newsletterOnly.contains(d.getId())) {
                    question.optedOut(d.getId(), NEWSLETTER);
                }
            }
        });
    }
}
