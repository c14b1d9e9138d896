package io.distman.account.entity;

/** A support user granted to work on the account, with the account they belong to. */
public record SupportGrantRow(String username, String displayName, String homeAccount) {
}
