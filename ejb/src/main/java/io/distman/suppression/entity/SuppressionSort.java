package io.distman.suppression.entity;

/** The orders the suppression list can be shown in (each a named query of {@link Suppression}). */
public enum SuppressionSort {
    NEWEST(Suppression.SEARCH_NEWEST),
    OLDEST(Suppression.SEARCH_OLDEST),
    ADDRESS(Suppression.SEARCH_ADDRESS);

    private final String query;

    SuppressionSort(String query) {
        this.query = query;
    }

    public String query() {
        return query;
    }
}
