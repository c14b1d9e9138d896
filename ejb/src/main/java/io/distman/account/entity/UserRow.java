package io.distman.account.entity;

import java.time.Instant;

/**
 * A user of the account as the admin screens and the REST API show them: never the password hash, only
 * whether one is set.
 */
public record UserRow(String username, String displayName, String email, UserRole role, boolean active,
                      boolean passwordSet, Instant lastSignInAt) {

    public static UserRow of(AppUser u) {
        return new UserRow(u.getUsername(), u.getDisplayName(), u.getEmail(), u.getRole(), u.isActive(),
                u.getPasswordHash() != null, u.getLastSignInAt());
    }
}
