package io.distman.preference.entity;

/** How often a recipient wants their held BULK mail: not held at all, once a day, or once a week. */
public enum DigestFrequency {
    NONE, DAILY, WEEKLY
}
