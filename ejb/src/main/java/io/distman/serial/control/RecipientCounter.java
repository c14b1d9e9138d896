package io.distman.serial.control;

import io.distman.directory.boundary.Directory;
import io.distman.directory.entity.Contact;
import io.distman.directory.entity.ContactSelection;
import io.distman.serial.entity.MailingCount;
import io.distman.serial.entity.RecipientOutcome;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The count before sending: the contacts a selection holds, and how many will get mail, with the reasons of the
 * others: OPTED_OUT, NOT_NEWSLETTER, EMAIL_MISSING, SUPPRESSED (the suppression list as submission will see it).
 * Reads the directory a page at a time; {@link RecipientRules} decides, in the order the sending does.
 */
@Dependent
public class RecipientCounter {

    static final int PAGE = 500;
    public static final String NEWSLETTER_OFF = "Newsletter sending is off: contacts who declined the newsletter will be written to.";

    @Inject
    Directory directory;

    @Inject
    RecipientRules rules;

    @Inject
    Clock clock;

    public MailingCount count(long accountId, ContactSelection selection, boolean newsletterOnly) {
        Instant now = clock.instant();
        Map<RecipientOutcome, Integer> not = new EnumMap<>(RecipientOutcome.class);
        int selected = 0;
        int receiving = 0;
        long after = 0;
        for (List<Contact> page; !(page = directory.page(accountId, selection, after, PAGE)).isEmpty(); ) {
            selected += page.size();
            after = page.get(page.size() - 1).id();
            Map<Long, RecipientOutcome> reasons = rules.notReceiving(accountId, page, newsletterOnly, now);
            reasons.values().forEach(reason -> not.merge(reason, 1, Integer::sum));
            receiving += page.size() - reasons.size();
        }
        return new MailingCount(selected, receiving, Map.copyOf(not), newsletterOnly ? null : NEWSLETTER_OFF);
    }
}
