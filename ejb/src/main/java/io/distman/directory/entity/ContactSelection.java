package io.distman.directory.entity;

import java.io.Serializable;

/** The contacts a mailing goes to: those of a filter, or the members of one of the account's worklists. */
public record ContactSelection(ContactFilter filter, Long worklistId) implements Serializable {

    public static ContactSelection of(ContactFilter filter) {
        return new ContactSelection(filter, null);
    }

    public static ContactSelection worklist(long worklistId) {
        return new ContactSelection(null, worklistId);
    }

    public boolean isWorklist() {
        return worklistId != null;
    }
}
