package io.distman.notification.entity;

/** When notifications go out by email. */
public enum EmailTiming {
    IMMEDIATE,
    DAILY
}
