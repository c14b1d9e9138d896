package io.distman.identity.entity;

import java.io.Serializable;
import java.time.Instant;

/** A DKIM key as the admin sees it: never the private key. */
public record DkimKeyView(long id, String domain, String selector, boolean signing, Instant createdAt, DnsRecord record)
        implements Serializable {

    public static DkimKeyView of(DkimKey key) {
        return new DkimKeyView(key.getId(), key.getDomain(), key.getSelector(), key.isSigning(), key.getCreatedAt(),
                key.dnsRecord());
    }
}
