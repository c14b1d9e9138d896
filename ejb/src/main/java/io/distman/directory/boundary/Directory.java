package io.distman.directory.boundary;

import io.distman.directory.control.DemoDirectory;
import io.distman.directory.entity.Contact;
import io.distman.directory.entity.ContactFilter;
import io.distman.directory.entity.ContactSelection;
import io.distman.directory.entity.WorklistContact;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The directory the application reads: the host's {@link RecipientDirectory} bean if it deployed one; else the
 * demo directory when the application runs as the demo ({@code -Ddistman.demo=true}) or under test
 * ({@code distman.test=true}); else none, so nobody is mailed from made-up contacts in production. Checks no
 * caller: serial mail's and the worklists' boundaries check the account before they ask, and the mailing job has
 * none.
 */
@ApplicationScoped
public class Directory {

    @Inject
    Instance<RecipientDirectory> host;

    @Inject
    DemoDirectory demo;

    @PersistenceContext(unitName = "distman")
    EntityManager em;

    private RecipientDirectory directory() {
        if (host.isResolvable()) {
            return host.get();
        }
        if (Boolean.getBoolean("distman.demo") || Boolean.getBoolean("distman.test")) {
            return demo;
        }
        return NONE;
    }

    /** Up to {@code limit} contacts of the selection with an id above {@code afterId}, by id. */
    public List<Contact> page(long accountId, ContactSelection selection, long afterId, int limit) {
        if (!selection.isWorklist()) {
            return directory().page(accountId, selection.filter(), afterId, limit);
        }
        List<Long> ids = em.createNamedQuery(WorklistContact.MEMBERS_AFTER, Long.class)
                .setParameter("worklistId", selection.worklistId()).setParameter("accountId", accountId)
                .setParameter("after", afterId).setMaxResults(limit).getResultList();
        return ids.isEmpty() ? List.of() : directory().byIds(accountId, ids);
    }

    public List<Contact> byIds(long accountId, Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : directory().byIds(accountId, ids);
    }

    public Optional<Contact> contact(long accountId, long id) {
        return byIds(accountId, List.of(id)).stream().findFirst();
    }

    private static final RecipientDirectory NONE = new RecipientDirectory() {
        @Override
        public List<Contact> page(long accountId, ContactFilter filter, long afterId, int limit) {
            return List.of();
        }

        @Override
        public List<Contact> byIds(long accountId, Collection<Long> ids) {
            return List.of();
        }
    };
}
