package io.distman.notification.entity;

/** Which way an account's queue is stuck; each has its own episode, so one open does not hide the other. */
public enum Backlog {
    /** Mail waits unsent longer than it should: the dispatcher does not reach it. */
    PENDING,
    /** Mail piles up in TEMPORARY_FAILURE: every attempt fails (a dead relay, a wrong provider key). */
    RETRYING
}
