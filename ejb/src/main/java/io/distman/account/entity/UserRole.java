package io.distman.account.entity;

/** What a person may do: agents see their account's mail, admins set it up, support manages suppressions. */
public enum UserRole { AGENT, ADMIN, SUPPORT }
