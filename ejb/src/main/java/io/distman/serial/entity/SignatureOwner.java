package io.distman.serial.entity;

/** Whose signature: a user's own (the owner is their principal) or a sender identity's (its domain or address). */
public enum SignatureOwner {
    USER, IDENTITY
}
