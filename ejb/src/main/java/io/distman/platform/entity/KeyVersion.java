package io.distman.platform.entity;

/**
 * A signing key as tokens use it: its version, which the token carries, and its bytes. toString() leaves
 * the bytes out, so no log line carries them.
 */
public record KeyVersion(int version, byte[] secret) {

    /** The highest version a token's one byte can name. */
    public static final int MAX = 255;

    @Override
    public String toString() {
        return "KeyVersion[" + version + "]";
    }
}
