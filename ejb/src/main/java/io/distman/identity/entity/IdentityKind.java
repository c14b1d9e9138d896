package io.distman.identity.entity;

/**
 * What a sender identity covers. A DOMAIN covers every address at exactly that domain, not its
 * subdomains: a subdomain is often another party's (a provider's bounce domain, a department's
 * mail), so it is added and proved on its own. An ADDRESS covers that one address.
 */
public enum IdentityKind {
    DOMAIN, ADDRESS
}
