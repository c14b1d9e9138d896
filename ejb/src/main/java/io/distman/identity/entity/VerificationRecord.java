package io.distman.identity.entity;

/**
 * The TXT record that proves an account controls a domain: {@code _distman.<domain> TXT
 * "distman-verification=<token>"}. A name of its own rather than the domain itself, so it sits beside the
 * domain's SPF and other TXT records without touching them, and several accounts (or identities) can each
 * publish theirs at the same name.
 */
public record VerificationRecord(String name, String value) {

    public static final String PREFIX = "_distman.";
    public static final String VALUE_PREFIX = "distman-verification=";

    public static VerificationRecord of(String domain, String token) {
        return new VerificationRecord(PREFIX + domain, VALUE_PREFIX + token);
    }
}
