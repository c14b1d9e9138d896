package io.distman.message.entity;

/** The header a recipient appears in; BCC recipients appear in none. */
public enum RecipientType { TO, CC, BCC }
