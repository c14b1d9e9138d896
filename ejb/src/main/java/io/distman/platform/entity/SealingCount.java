package io.distman.platform.entity;

/**
 * What one pass over a table of sealed secrets did: rows sealed from plaintext, rows moved to the newest
 * installation key, rows that failed (logged with the reason), and rows already on the newest key.
 */
public record SealingCount(String table, int sealed, int moved, int failed, int current) {

    public boolean changed() {
        return sealed + moved > 0;
    }

    @Override
    public String toString() {
        return table + ": " + sealed + " sealed, " + moved + " moved to the newest key, " + failed + " failed, "
                + current + " already current";
    }
}
