package io.distman.identity.entity;

import java.security.PrivateKey;

/** What signs a domain's mail: d= and s= of the DKIM-Signature and the opened private key. Never logged. */
public record SigningKey(String domain, String selector, PrivateKey privateKey) {

    @Override
    public String toString() {
        return "SigningKey[" + domain + ", " + selector + "]";
    }
}
