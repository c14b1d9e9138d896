package io.distman.account.entity;

/**
 * What an API key may do. SEND keys call the submission API (group API); ADMIN keys also administer their own
 * account (groups API and ADMIN, so the {@code admin} role's boundaries accept them, for the key's account only).
 */
public enum ApiKeyScope { SEND, ADMIN }
