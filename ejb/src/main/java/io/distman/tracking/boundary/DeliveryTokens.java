package io.distman.tracking.boundary;

import io.distman.platform.entity.KeyVersion;
import io.distman.platform.entity.VerifyingKeys;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
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
 * The delivery id we ask providers to echo in their events ({@code v:distman-delivery-id} and the like):
 * {@code <deliveryId>.<base64url(key version, mac)>}, the MAC being HMAC-SHA256 over the account id and the
 * delivery id with the installation's secret of that version (see {@code Secrets}), truncated to 12 bytes.
 * Tokens minted before they named a key version carry the MAC alone: version 0. Provider metadata can also be set by whoever
 * submits the mail (or anyone who can reach a provider's API), so a bare id proves nothing; only we can
 * mint this one, and it cannot be moved to another delivery or account.
 */
public final class DeliveryTokens {

    /**
     * The name under which we ask a provider to echo the token (Mailgun user variables, Postmark metadata,
     * SES tags, SendGrid custom arguments): dispatch writes it, feedback reads it.
     */
    public static final String METADATA_KEY = "distman-delivery-id";

    /** The name of the installation secret (see {@code Secrets}) that signs delivery tokens. */
    public static final String SECRET = "delivery-tokens";

    private static final int MAC_BYTES = 12;
    /** Longer than any token we mint: a longer value is someone else's and not worth parsing. */
    private static final int MAX_LENGTH = 64;

    private DeliveryTokens() {
    }

    public static String sign(KeyVersion key, long accountId, long deliveryId) {
        byte[] signature = ByteBuffer.allocate(1 + MAC_BYTES).put((byte) key.version())
                .put(mac(key.secret(), accountId, deliveryId)).array();
        return deliveryId + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
    }

    /** The delivery id a token names, signed or not; empty when it names none (the signature is not checked here). */
    public static OptionalLong deliveryId(String token) {
        if (token == null || token.isBlank() || token.length() > MAX_LENGTH) {
            return OptionalLong.empty();
        }
        String id = token.strip();
        int dot = id.indexOf('.');
        try {
            long value = Long.parseLong(dot < 0 ? id : id.substring(0, dot));
            return value > 0 ? OptionalLong.of(value) : OptionalLong.empty();
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** A bare id, as mail sent before the ids were signed carries it. */
    public static boolean isUnsigned(String token) {
        return deliveryId(token).isPresent() && token.indexOf('.') < 0;
    }

    /**
     * @return true when the token was minted by us for exactly this account and delivery, with a key version
     *         that still verifies
     */
    public static boolean verify(VerifyingKeys keys, String token, long accountId, long deliveryId) {
        if (deliveryId(token).orElse(-1) != deliveryId) {
            return false;
        }
        String strip = token.strip();
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(strip.substring(strip.indexOf('.') + 1));
        } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
            return false;
        }
        if (strip.indexOf('.') < 0 || given.length != MAC_BYTES && given.length != 1 + MAC_BYTES) {
            return false;
        }
        int start = given.length - MAC_BYTES;
        Optional<KeyVersion> key = keys.version(start == 0 ? 0 : Byte.toUnsignedInt(given[0]));
        return key.isPresent() && MessageDigest.isEqual(Arrays.copyOfRange(given, start, given.length),
                mac(key.get().secret(), accountId, deliveryId));
    }

    private static byte[] mac(byte[] key, long accountId, long deliveryId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Arrays.copyOf(mac.doFinal(("delivery:" + accountId + ":" + deliveryId).getBytes(StandardCharsets.US_ASCII)),
                    MAC_BYTES);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
