package io.distman.platform.entity;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The key a token names by its version, if tokens of that version are still good (see {@code Secrets}). */
@FunctionalInterface
public interface VerifyingKeys {

    Optional<KeyVersion> version(int version);

    /** Asks {@code keys} once per version, for a batch of tokens checked together (one thread). */
    static VerifyingKeys remembering(VerifyingKeys keys) {
        Map<Integer, Optional<KeyVersion>> asked = new HashMap<>();
        return version -> asked.computeIfAbsent(version, keys::version);
    }
}
