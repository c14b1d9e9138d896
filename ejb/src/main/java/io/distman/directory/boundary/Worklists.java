package io.distman.directory.boundary;

import io.distman.account.boundary.Callers;
import io.distman.account.entity.Caller;
import io.distman.directory.entity.Contact;
import io.distman.directory.entity.ContactFilter;
import io.distman.directory.entity.ContactSelection;
import io.distman.directory.entity.DirectoryRefusedException;
import io.distman.directory.entity.Worklist;
import io.distman.directory.entity.WorklistContact;
import io.distman.directory.entity.WorklistView;
import io.distman.platform.entity.NotFoundException;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * An account's worklists: built from a filter (the contacts it selects at that moment), then edited by hand.
 * Every call is checked against the caller's accounts; a worklist of another account is not found.
 */
@Stateless
@PermitAll // the per-account check in each method is the authorization: staff and modules alike build worklists
public class Worklists {

    /** A worklist is for a letter to a group, not a copy of the directory: bounded, so one build is one transaction. */
    public static final int MAX_CONTACTS = 5_000;
    private static final int MAX_NAME = 200;
    private static final int PAGE = 500;

    @PersistenceContext(unitName = "distman")
    EntityManager em;

    @EJB
    Callers callers;

    @Inject
    Directory directory;

    @Inject
    Clock clock;

    /** A new worklist holding the contacts {@code filter} selects now. */
    public WorklistView createFromFilter(long accountId, String name, ContactFilter filter) {
        Caller caller = callers.forAccount(accountId);
        String checked = name == null ? "" : name.strip();
        if (checked.isEmpty() || checked.length() > MAX_NAME) {
            throw new DirectoryRefusedException("name", "is required, at most " + MAX_NAME + " characters");
        }
        ContactFilter chosen = filter == null ? ContactFilter.ALL : filter;
        if (!chosen.problems("filter").isEmpty()) {
            throw new DirectoryRefusedException(chosen.problems("filter"));
        }
        if (!em.createNamedQuery(Worklist.BY_NAME, Worklist.class).setParameter("accountId", accountId)
                .setParameter("name", checked).getResultList().isEmpty()) {
            throw new DirectoryRefusedException("name", "is already the name of a worklist");
        }
        List<Long> ids = new ArrayList<>();
        long after = 0;
        for (List<Contact> page; !(page = directory.page(accountId, ContactSelection.of(chosen), after, PAGE)).isEmpty(); ) {
            page.forEach(c -> ids.add(c.id()));
            after = page.get(page.size() - 1).id();
            if (ids.size() > MAX_CONTACTS) {
                throw new DirectoryRefusedException("filter", "selects more than " + MAX_CONTACTS + " contacts; narrow it");
            }
        }
        Worklist list = new Worklist(accountId, checked, shortened(caller.actor()), clock.instant());
        em.persist(list);
        em.flush();
        ids.forEach(id -> em.persist(new WorklistContact(list.getId(), id)));
        return new WorklistView(list.getId(), list.getName(), ids.size(), list.getCreatedBy(), list.getCreatedAt());
    }

    /** Adds a contact the directory knows; adding one already there changes nothing. */
    public WorklistView add(long accountId, long worklistId, long contactId) {
        callers.forAccount(accountId);
        Worklist list = owned(accountId, worklistId);
        if (directory.contact(accountId, contactId).isEmpty()) {
            throw new DirectoryRefusedException("contactId", "is not a contact of this account's directory");
        }
        if (em.find(WorklistContact.class, new WorklistContact.Key(worklistId, contactId)) == null) {
            if (size(worklistId) >= MAX_CONTACTS) {
                throw new DirectoryRefusedException("contactId", "the worklist already holds " + MAX_CONTACTS + " contacts");
            }
            em.persist(new WorklistContact(worklistId, contactId));
            em.flush();
        }
        return view(list);
    }

    public WorklistView remove(long accountId, long worklistId, long contactId) {
        callers.forAccount(accountId);
        Worklist list = owned(accountId, worklistId);
        em.createNamedQuery(WorklistContact.REMOVE).setParameter("worklistId", worklistId)
                .setParameter("contactId", contactId).executeUpdate();
        return view(list);
    }

    public List<WorklistView> worklists(long accountId) {
        callers.forAccount(accountId);
        return em.createNamedQuery(Worklist.OF_ACCOUNT, Worklist.class).setParameter("accountId", accountId)
                .getResultStream().map(this::view).toList();
    }

    /** Up to {@code limit} members with an id above {@code afterId}, as the directory has them now. */
    public List<Contact> members(long accountId, long worklistId, long afterId, int limit) {
        callers.forAccount(accountId);
        owned(accountId, worklistId);
        return directory.page(accountId, ContactSelection.worklist(worklistId), afterId, Math.min(Math.max(limit, 1), PAGE));
    }

    /** Whether the account has this worklist: what serial mail asks before it mails one. */
    public boolean exists(long accountId, long worklistId) {
        callers.forAccount(accountId);
        return !em.createNamedQuery(Worklist.BY_ID_IN_ACCOUNT, Worklist.class).setParameter("id", worklistId)
                .setParameter("accountId", accountId).getResultList().isEmpty();
    }

    private Worklist owned(long accountId, long worklistId) {
        return em.createNamedQuery(Worklist.BY_ID_IN_ACCOUNT, Worklist.class).setParameter("id", worklistId)
                .setParameter("accountId", accountId).getResultStream().findFirst()
                .orElseThrow(() -> new NotFoundException("No worklist " + worklistId));
    }

    private long size(long worklistId) {
        return em.createNamedQuery(WorklistContact.COUNT, Long.class).setParameter("worklistId", worklistId).getSingleResult();
    }

    private WorklistView view(Worklist list) {
        return new WorklistView(list.getId(), list.getName(), size(list.getId()), list.getCreatedBy(), list.getCreatedAt());
    }

    /** Who built it, as the column holds it (an API key's label may be long). */
    public static String shortened(String actor) {
        return actor.length() <= MAX_NAME / 2 ? actor : actor.substring(0, MAX_NAME / 2);
    }
}
