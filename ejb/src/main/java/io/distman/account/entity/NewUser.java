package io.distman.account.entity;

/** What an admin enters for a new user of their account. */
public record NewUser(String username, String displayName, String email, UserRole role) {
}
