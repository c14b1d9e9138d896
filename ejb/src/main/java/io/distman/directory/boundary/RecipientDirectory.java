package io.distman.directory.boundary;

import io.distman.directory.entity.Contact;
import io.distman.directory.entity.ContactFilter;
import java.util.Collection;
import java.util.List;

/**
 * The seam to the host's contacts: the host deploys one CDI bean implementing it (any scope) and serial mail, the
 * worklists and the previews read contacts only through it. Pages are keyed by contact id, so a mailing of any size
 * is read a chunk at a time and resumes after the last contact it committed.
 */
public interface RecipientDirectory {

    /** Up to {@code limit} of the account's contacts matching {@code filter} with an id above {@code afterId}, by id. */
    List<Contact> page(long accountId, ContactFilter filter, long afterId, int limit);

    /** The account's contacts with these ids (unknown ids are left out), by id. */
    List<Contact> byIds(long accountId, Collection<Long> ids);
}
