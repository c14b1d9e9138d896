package io.distman.serial.entity;

/** Where a mailing is: its messages being created, all created (the deliveries tell the rest), or cancelled. */
public enum MailingStatus {
    CREATING, CREATED, CANCELLED
}
