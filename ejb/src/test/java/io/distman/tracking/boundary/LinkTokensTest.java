package io.distman.tracking.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.platform.entity.KeyVersion;
import io.distman.platform.entity.VerifyingKeys;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class LinkTokensTest {

    private static final KeyVersion V0 = new KeyVersion(0, "0123456789abcdef0123456789abcdef".getBytes());
    private static final KeyVersion V1 = new KeyVersion(1, "another-key-another-key-another-k".getBytes());
    private static final KeyVersion V200 = new KeyVersion(200, "a key of a high version, 32 byte".getBytes());

    /** The keys as Secrets answers them: here every version is still good. */
    private static VerifyingKeys good(KeyVersion... keys) {
        Map<Integer, KeyVersion> byVersion = new java.util.HashMap<>();
        for (KeyVersion k : keys) {
            byVersion.put(k.version(), k);
        }
        return v -> Optional.ofNullable(byVersion.get(v));
    }

    @Test
    void aSignedTokenNamesItsDeliveryAndItsKeyVersion() {
        String token = LinkTokens.sign(V1, "unsubscribe", 4711);
        assertEquals(OptionalLong.of(4711), LinkTokens.verify(good(V0, V1), "unsubscribe", token));
        assertEquals(28, token.length());
        assertEquals(1, Base64.getUrlDecoder().decode(token)[0]);
        assertEquals(OptionalLong.of(4711), LinkTokens.verify(good(V200), "unsubscribe", LinkTokens.sign(V200, "unsubscribe", 4711)));
    }

    @Test
    void aTokenOfAnOlderVersionVerifiesWhileThatVersionIsGoodAndNotAfter() {
        String old = LinkTokens.sign(V0, "click", 4711);
        assertEquals(OptionalLong.of(4711), LinkTokens.verify(good(V0, V1), "click", old));
        assertTrue(LinkTokens.verify(good(V1), "click", old).isEmpty(), "version 0 no longer good");
    }

    @Test
    void aTokenMintedBeforeTokensCarriedAVersionIsVersionZero() throws Exception {
        String legacy = legacySign(V0.secret(), "unsubscribe", 4711);
        assertEquals(27, legacy.length());
        assertEquals(OptionalLong.of(4711), LinkTokens.verify(good(V0, V1), "unsubscribe", legacy));
        assertTrue(LinkTokens.verify(good(V1), "unsubscribe", legacy).isEmpty());
    }

    @Test
    void forgedTamperedOrMisusedTokensAreRefused() {
        String token = LinkTokens.sign(V0, "unsubscribe", 4711);
        assertTrue(LinkTokens.verify(good(V0), "click", token).isEmpty(), "another purpose");
        byte[] bytes = Base64.getUrlDecoder().decode(token);
        bytes[0] = 1; // claims version 1: checked against the other key
        assertTrue(LinkTokens.verify(good(V0, V1), "unsubscribe", Base64.getUrlEncoder().withoutPadding()
                .encodeToString(bytes)).isEmpty());
        char[] chars = token.toCharArray();
        chars[5] = chars[5] == 'A' ? 'B' : 'A'; // another delivery id, same signature
        assertTrue(LinkTokens.verify(good(V0), "unsubscribe", new String(chars)).isEmpty());
        assertTrue(LinkTokens.verify(good(V0), "unsubscribe", "not base64 !").isEmpty());
        assertTrue(LinkTokens.verify(good(V0), "unsubscribe", "").isEmpty());
        assertTrue(LinkTokens.verify(good(V0), "unsubscribe", token + "AAAA").isEmpty());
    }

    /** The format of links in mail sent before tokens named their key version: id and 12 bytes of MAC. */
    static String legacySign(byte[] key, String purpose, long deliveryId) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        mac.update((purpose + ":").getBytes(StandardCharsets.US_ASCII));
        byte[] tag = Arrays.copyOf(mac.doFinal(ByteBuffer.allocate(8).putLong(deliveryId).array()), 12);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                ByteBuffer.allocate(20).putLong(deliveryId).put(tag).array());
    }
}
