package io.distman.account.entity;

import java.util.Set;

/**
 * Who is calling, as the container authenticated them, and the accounts they may act for.
 *
 * @param principal the container's caller principal name ({@code apikey:<hash>} for a REST API key)
 * @param actor     how timelines name the caller ("API key 'billing'", a username, a module's principal)
 * @param accounts  the accounts the caller may act for; empty for an anonymous or unknown caller
 */
public record Caller(String principal, String actor, Set<Long> accounts) {

    public Caller {
        accounts = Set.copyOf(accounts);
    }

    public boolean mayActFor(long accountId) {
        return accounts.contains(accountId);
    }

    /** The actor cut to a column of {@code max} characters (who last changed a row: a record, not a timeline). */
    public String actorWithin(int max) {
        return actor.length() <= max ? actor : actor.substring(0, max);
    }

    /** The timeline's actor when a caller acts for a person it names: both, so neither is taken alone. */
    public String actorFor(String onBehalfOf) {
        return onBehalfOf == null || onBehalfOf.isBlank() ? actor : actor + " for " + onBehalfOf.strip();
    }
}
