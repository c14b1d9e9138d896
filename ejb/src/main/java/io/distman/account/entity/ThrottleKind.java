package io.distman.account.entity;

/** What failed sign-ins are counted by: the username typed (existing or not) or the client's address. */
public enum ThrottleKind {
    USER, ADDRESS
}
