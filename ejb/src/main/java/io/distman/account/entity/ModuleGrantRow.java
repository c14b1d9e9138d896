package io.distman.account.entity;

import java.time.Instant;

/** A module principal that may act for the account, and who granted it when. */
public record ModuleGrantRow(String principal, Instant grantedAt, String grantedBy) {

    public static ModuleGrantRow of(ModuleGrant g) {
        return new ModuleGrantRow(g.getPrincipalName(), g.getGrantedAt(), g.getGrantedBy());
    }
}
