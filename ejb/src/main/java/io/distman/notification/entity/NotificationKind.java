package io.distman.notification.entity;

/** What a notification is about. */
public enum NotificationKind {
    /** A delivery the user raised became FAILED, COMPLAINED, REJECTED or UNSUBSCRIBED. */
    DELIVERY,
    /** The account's queue has had mail pending for too long (admins only). */
    QUEUE_STUCK
}
