package io.distman.tracking.boundary;

import java.nio.ByteBuffer;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tokens in the links we put into mail (unsubscribe now, tracking later): the delivery id and its
 * purpose, signed with HMAC-SHA256, so a link can be neither forged nor moved to another delivery or
 * purpose. Compact (base64url, 27 characters) because they end up in headers and URLs.
 */
public final class LinkTokens {

    private static final int MAC_BYTES = 12;

    /** The name of the installation secret (see {@code Secrets}) that signs link tokens. */
    public static final String SECRET = "link-tokens";

    /** The purpose of the tokens in List-Unsubscribe links. */
    public static final String UNSUBSCRIBE = "unsubscribe";

    /** The purpose of the tokens in open-tracking pixels. */
    public static final String OPEN = "open";

    /** The purpose of the tokens in click-tracking links (the link's number follows the token in the URL). */
    public static final String CLICK = "click";

    private LinkTokens() {
    }

    public static String sign(byte[] key, String purpose, long deliveryId) {
        ByteBuffer token = ByteBuffer.allocate(8 + MAC_BYTES);
        token.putLong(deliveryId);
        token.put(mac(key, purpose, deliveryId));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token.array());
    }

    /** @return the delivery id, when the token is well formed and signed for this purpose */
    public static OptionalLong verify(byte[] key, String purpose, String token) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return OptionalLong.empty();
        }
        if (bytes.length != 8 + MAC_BYTES) {
            return OptionalLong.empty();
        }
        long deliveryId = ByteBuffer.wrap(bytes).getLong();
        byte[] given = Arrays.copyOfRange(bytes, 8, bytes.length);
        return MessageDigest.isEqual(given, mac(key, purpose, deliveryId)) ? OptionalLong.of(deliveryId) : OptionalLong.empty();
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
