package io.distman.identity.entity;

import java.io.Serializable;

/**
 * A DNS record the admin publishes, as a zone file would show it, with what it is for.
 *
 * @param purpose "verification", "dkim" (the signing key), "dkim-previous" (kept after a rotation until
 *                retired) or "spf" (a hint: the installation's relay or provider decides the exact include)
 */
public record DnsRecord(String name, String type, String value, String purpose) implements Serializable {

    /** A TXT record's character-strings hold at most 255 bytes each (RFC 1035): longer values are split. */
    private static final int MAX_STRING = 255;

    /**
     * The record as one zone-file line, e.g. {@code dm202612ab._domainkey.example.org. IN TXT "v=DKIM1; ..."},
     * a DKIM key's value split into quoted strings of at most 255 characters, which resolvers join again.
     */
    public String zoneLine() {
        StringBuilder line = new StringBuilder(name).append(". IN ").append(type);
        for (int start = 0; start < value.length(); start += MAX_STRING) {
            line.append(" \"").append(value, start, Math.min(value.length(), start + MAX_STRING)).append('"');
        }
        return line.toString();
    }
}
