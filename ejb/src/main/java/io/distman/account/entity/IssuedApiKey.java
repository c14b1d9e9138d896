package io.distman.account.entity;

/**
 * A key just issued: the only time the key itself exists outside its holder's hands. It is not stored (only its
 * SHA-256 and prefix are), so it cannot be shown again.
 */
public record IssuedApiKey(String key, ApiKeyView view) {

    @Override
    public String toString() {
        return "IssuedApiKey[" + view + "]"; // never the key in a log line
    }
}
