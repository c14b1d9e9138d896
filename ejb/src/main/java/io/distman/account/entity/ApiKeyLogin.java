package io.distman.account.entity;

/** A presented API key that authenticates: the request's principal name and what the key may do. */
public record ApiKeyLogin(String principal, ApiKeyScope scope) {
}
