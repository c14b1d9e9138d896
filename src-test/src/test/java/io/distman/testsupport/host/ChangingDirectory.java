package io.distman.testsupport.host;

import io.distman.directory.boundary.RecipientDirectory;
import io.distman.directory.control.DemoDirectory;
import io.distman.directory.entity.Contact;
import io.distman.directory.entity.ContactFilter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A host's directory for tests whose contacts change their mind: the demo directory's contacts, except those a test
 * opted out ({@link #optOut}) or declined the newsletter ({@link #declineNewsletter}) since. Deployed as a host
 * deploys its bean, in the application ({@link io.distman.testsupport.Deployments#withHostBeans}), so the
 * application reads it instead of the demo's.
 */
@ApplicationScoped
public class ChangingDirectory implements RecipientDirectory {

    private static final Set<Long> OPTED_OUT_SINCE = ConcurrentHashMap.newKeySet();
    private static final Set<Long> DECLINED_NEWSLETTER_SINCE = ConcurrentHashMap.newKeySet();

    private final DemoDirectory demo = new DemoDirectory();

    /** The contact opts out in the directory from now on (for every account: the demo's contacts are the same in each). */
    public static void optOut(long contactId) {
        OPTED_OUT_SINCE.add(contactId);
    }

    /** The contact no longer takes the newsletter from now on (still mailable otherwise). */
    public static void declineNewsletter(long contactId) {
        DECLINED_NEWSLETTER_SINCE.add(contactId);
    }

    public static void reset() {
        OPTED_OUT_SINCE.clear();
        DECLINED_NEWSLETTER_SINCE.clear();
    }

    @Override
    public List<Contact> page(long accountId, ContactFilter filter, long afterId, int limit) {
        return demo.page(accountId, filter, afterId, limit).stream().map(ChangingDirectory::now).toList();
    }

    @Override
    public List<Contact> byIds(long accountId, Collection<Long> ids) {
        return demo.byIds(accountId, ids).stream().map(ChangingDirectory::now).toList();
    }

    private static Contact now(Contact c) {
        boolean optedOut = c.optedOut() || OPTED_OUT_SINCE.contains(c.id());
        boolean newsletter = c.newsletter() && !DECLINED_NEWSLETTER_SINCE.contains(c.id());
        return optedOut == c.optedOut() && newsletter == c.newsletter() ? c : new Contact(c.id(), c.salutation(),
                c.firstName(), c.lastName(), c.email(), c.role(), c.block(), c.unit(), c.postalAddress(), c.balance(),
                newsletter, optedOut, c.trackingConsent(), c.extra());
    }
}
