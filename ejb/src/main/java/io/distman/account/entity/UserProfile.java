package io.distman.account.entity;

import java.io.Serializable;
import java.util.List;

/**
 * Who is signed in, as the screens need it: their own account and, for support staff, every account
 * they may switch to (their own first). Screens never see the entity.
 */
public record UserProfile(String username, String displayName, String email, UserRole role, AccountRef home,
                          List<AccountRef> accounts) implements Serializable {

    /** An account as a menu shows it. */
    public record AccountRef(long id, String code, String name) implements Serializable {
    }

    public boolean mayWorkOn(long accountId) {
        return accounts.stream().anyMatch(a -> a.id() == accountId);
    }
}
