package io.distman.ratelimit.entity;

import java.io.Serializable;
import java.util.Objects;

/** The key of what is kept per account and destination domain (its limit, its back-off). */
public class AccountDomain implements Serializable {

    private static final long serialVersionUID = 1L;

    private long accountId;
    private String domain;

    public AccountDomain() {
    }

    public AccountDomain(long accountId, String domain) {
        this.accountId = accountId;
        this.domain = domain;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AccountDomain o && accountId == o.accountId && Objects.equals(domain, o.domain);
    }

    @Override
    public int hashCode() {
        return Objects.hash(accountId, domain);
    }
}
