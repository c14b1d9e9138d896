package io.distman.message.entity;

/** URGENT mail is dispatched within seconds of its commit; NORMAL mail waits for the schedule. */
public enum Priority { URGENT, NORMAL }
