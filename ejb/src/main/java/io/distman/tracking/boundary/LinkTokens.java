package io.distman.tracking.boundary;

import io.distman.platform.entity.KeyVersion;
import io.distman.platform.entity.VerifyingKeys;
import java.nio.ByteBuffer;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tokens in the links we put into mail (unsubscribe, open, click): the delivery id and its purpose, signed
 * with HMAC-SHA256, so a link can be neither forged nor moved to another delivery or purpose. Compact
 * (base64url, 28 characters) because they end up in headers and URLs: the signing key's version (one byte),
 * the delivery id, 12 bytes of MAC. The key version lets the key be replaced while links in mail already
 * sent keep working for a while ({@code Secrets}); tokens minted before they carried a version (27
 * characters, no version byte) are version 0.
 */
public final class LinkTokens {

    private static final int MAC_BYTES = 12;
    /** A token minted before tokens named their key version: id and MAC, signed with version 0. */
    private static final int UNVERSIONED = 8 + MAC_BYTES;
    private static final int VERSIONED = 1 + UNVERSIONED;

    /** The name of the installation secret (see {@code Secrets}) that signs link tokens, in versions. */
    public static final String SECRET = "link-tokens";

    /** The purpose of the tokens in List-Unsubscribe links. */
    public static final String UNSUBSCRIBE = "unsubscribe";

    /** The purpose of the tokens in open-tracking pixels. */
    public static final String OPEN = "open";

    /** The purpose of the tokens in click-tracking links (the link's number follows the token in the URL). */
    public static final String CLICK = "click";

    private LinkTokens() {
    }

    public static String sign(KeyVersion key, String purpose, long deliveryId) {
        ByteBuffer token = ByteBuffer.allocate(VERSIONED);
        token.put((byte) key.version());
        token.putLong(deliveryId);
        token.put(mac(key.secret(), purpose, deliveryId));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token.array());
    }

    /**
     * @return the delivery id, when the token is well formed, signed for this purpose, and its key version
     *         still verifies
     */
    public static OptionalLong verify(VerifyingKeys keys, String purpose, String token) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return OptionalLong.empty();
        }
        if (bytes.length != UNVERSIONED && bytes.length != VERSIONED) {
            return OptionalLong.empty();
        }
        int start = bytes.length - UNVERSIONED;
        Optional<KeyVersion> key = keys.version(start == 0 ? 0 : Byte.toUnsignedInt(bytes[0]));
        if (key.isEmpty()) {
            return OptionalLong.empty();
        }
        long deliveryId = ByteBuffer.wrap(bytes, start, 8).getLong();
        byte[] given = Arrays.copyOfRange(bytes, start + 8, bytes.length);
        return MessageDigest.isEqual(given, mac(key.get().secret(), purpose, deliveryId))
                ? OptionalLong.of(deliveryId) : OptionalLong.empty();
    }

    private static byte[] mac(byte[] key, String purpose, long deliveryId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((purpose + ":").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return Arrays.copyOf(mac.doFinal(ByteBuffer.allocate(8).putLong(deliveryId).array()), MAC_BYTES);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
