package io.distman.account.entity;

/**
 * What a person may do: agents see their account's mail, admins set it up, support manages suppressions.
 * Operators run the installation: they create, rename, suspend accounts and give them their first admin, and
 * work on no account's mail (their row lives in an account only because every user row does).
 */
public enum UserRole { AGENT, ADMIN, SUPPORT, OPERATOR }
