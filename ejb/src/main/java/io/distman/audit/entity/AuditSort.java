package io.distman.audit.entity;

/**
 * The columns the audit may be sorted by, each mapped to a fixed JPQL path: a client's sort field is
 * looked up here and never reaches the query as text.
 */
public enum AuditSort {
    CREATED("d.createdAt"),
    RAISED_BY("d.raisedBy"),
    TO("d.address"),
    SUBJECT("m.subject"),
    STATUS("d.status"),
    STATUS_AT("d.statusAt"),
    /** The Queue's "next attempt" column. */
    NEXT_ATTEMPT("d.nextAttemptAt");

    private final String path;

    AuditSort(String path) {
        this.path = path;
    }

    public String path() {
        return path;
    }
}
