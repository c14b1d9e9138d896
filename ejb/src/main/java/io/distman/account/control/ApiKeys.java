package io.distman.account.control;

import io.distman.platform.boundary.Hashes;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * API keys: 32 random bytes shown once, recognisable by their {@code dm_} start (so a secret scanner or a person
 * finding one in a paste knows what it is); only their SHA-256 and a displayable prefix are kept.
 */
public final class ApiKeys {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** "dm_" and 8 characters of the random part: 48 bits, enough to tell keys apart, far from enough to guess one. */
    static final int PREFIX_LENGTH = 11;

    private ApiKeys() {
    }

    public static String newKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "dm_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String key) {
        return Hashes.sha256Hex(key.getBytes(StandardCharsets.UTF_8));
    }

    /** What lists show of a key; of a short key chosen by an installer (the demo's) at most half. */
    public static String prefix(String key) {
        return key.substring(0, Math.min(PREFIX_LENGTH, key.length() / 2));
    }
}
