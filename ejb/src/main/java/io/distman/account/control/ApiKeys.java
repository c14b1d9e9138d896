package io.distman.account.control;

import io.distman.platform.boundary.Hashes;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/** API keys: 32 random bytes shown once; only their SHA-256 is kept. */
public final class ApiKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

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
}
