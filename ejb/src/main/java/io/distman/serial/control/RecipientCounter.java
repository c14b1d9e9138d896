package io.distman.serial.control;

import io.distman.directory.boundary.Directory;
import io.distman.directory.entity.Contact;
import io.distman.directory.entity.ContactSelection;
import io.distman.message.entity.Category;
import io.distman.serial.entity.MailingCount;
import io.distman.serial.entity.RecipientOutcome;
import io.distman.suppression.boundary.SuppressionList;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The count before sending: the contacts a selection holds, and how many will get mail, with the reasons of the
 * others: OPTED_OUT, NOT_NEWSLETTER, EMAIL_MISSING, SUPPRESSED (the suppression list as submission will see it).
 * Reads the directory a page at a time, one suppression query per page.
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
    SuppressionList suppressions;

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
            Map<Long, RecipientOutcome> skipped = rules.skipped(accountId, page, newsletterOnly);
            skipped.values().forEach(reason -> not.merge(reason, 1, Integer::sum));
            List<Contact> mailed = page.stream().filter(c -> !skipped.containsKey(c.id())).toList();
            Set<String> suppressed = suppressions.activeFor(accountId,
                    mailed.stream().filter(Contact::hasEmail).map(c -> c.email().strip()).toList(), Category.BULK, now).keySet();
            for (Contact c : mailed) {
                if (!c.hasEmail()) {
                    not.merge(RecipientOutcome.EMAIL_MISSING, 1, Integer::sum);
                } else if (suppressed.contains(c.email().strip().toLowerCase(java.util.Locale.ROOT))) {
                    not.merge(RecipientOutcome.SUPPRESSED, 1, Integer::sum);
                } else {
                    receiving++;
                }
            }
        }
        return new MailingCount(selected, receiving, Map.copyOf(not), newsletterOnly ? null : NEWSLETTER_OFF);
    }
}
