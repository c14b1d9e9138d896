package io.distman.notification.entity;

/** Whether, and when, a notification is (or was) mailed to its user. */
public enum EmailState {
    /** Not by email. */
    NONE,
    /** To be mailed at once. */
    IMMEDIATE,
    /** Waits for the daily summary. */
    DAILY,
    /** Mailed. */
    SENT
}
