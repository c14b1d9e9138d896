package io.distman.tracking.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.platform.entity.KeyVersion;
import io.distman.platform.entity.VerifyingKeys;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class DeliveryTokensTest {

    private static final KeyVersion KEY = new KeyVersion(0, "an installation secret of 32 b.".getBytes(StandardCharsets.US_ASCII));
    private static final KeyVersion NEXT = new KeyVersion(1, "another key of 32 bytes........".getBytes(StandardCharsets.US_ASCII));
    private static final VerifyingKeys ONLY_FIRST = v -> v == 0 ? Optional.of(KEY) : Optional.empty();
    private static final VerifyingKeys BOTH = v -> v == 0 ? Optional.of(KEY) : v == 1 ? Optional.of(NEXT) : Optional.empty();
    private static final VerifyingKeys ONLY_NEXT = v -> v == 1 ? Optional.of(NEXT) : Optional.empty();

    @Test
    void aTokenNamesItsDeliveryAndVerifiesOnlyForItsAccountAndDelivery() {
        String token = DeliveryTokens.sign(KEY, 7, 4711);
        assertTrue(token.startsWith("4711."), token);
        assertEquals(OptionalLong.of(4711), DeliveryTokens.deliveryId(token));
        assertTrue(DeliveryTokens.verify(ONLY_FIRST, token, 7, 4711));
        assertFalse(DeliveryTokens.verify(ONLY_FIRST, token, 8, 4711), "another account");
        assertFalse(DeliveryTokens.verify(ONLY_FIRST, token, 7, 4712), "another delivery");
        assertFalse(DeliveryTokens.verify(v -> Optional.of(new KeyVersion(0, NEXT.secret())), token, 7, 4711));
        assertFalse(DeliveryTokens.isUnsigned(token));
    }

    @Test
    void aTokenOfAnOlderKeyVersionVerifiesWhileThatVersionIsGood() {
        String old = DeliveryTokens.sign(KEY, 7, 4711);
        String current = DeliveryTokens.sign(NEXT, 7, 4711);
        assertTrue(DeliveryTokens.verify(BOTH, old, 7, 4711));
        assertTrue(DeliveryTokens.verify(BOTH, current, 7, 4711));
        assertFalse(DeliveryTokens.verify(ONLY_NEXT, old, 7, 4711), "version 0 no longer good");
    }

    @Test
    void aTokenMintedBeforeTokensNamedTheirVersionIsVersionZero() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY.secret(), "HmacSHA256"));
        String legacy = "4711." + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(
                mac.doFinal("delivery:7:4711".getBytes(StandardCharsets.US_ASCII)), 12));
        assertTrue(DeliveryTokens.verify(BOTH, legacy, 7, 4711));
        assertFalse(DeliveryTokens.verify(ONLY_NEXT, legacy, 7, 4711));
    }

    @Test
    void bareForgedAndGarbledIdsDoNotVerify() {
        String token = DeliveryTokens.sign(KEY, 7, 4711);
        String mac = token.substring(token.indexOf('.') + 1);
        assertFalse(DeliveryTokens.verify(ONLY_FIRST, "4711", 7, 4711));
        assertTrue(DeliveryTokens.isUnsigned("4711"));
        assertFalse(DeliveryTokens.verify(ONLY_FIRST, "4712." + mac, 7, 4712), "a MAC moved to another id");
        String flipped = mac.substring(0, 5) + (mac.charAt(5) == 'A' ? 'B' : 'A') + mac.substring(6);
        assertFalse(DeliveryTokens.verify(ONLY_FIRST, "4711." + flipped, 7, 4711));
        assertFalse(DeliveryTokens.verify(ONLY_FIRST, "4711." + mac + ".x", 7, 4711));
        assertFalse(DeliveryTokens.verify(ONLY_FIRST, "4711.", 7, 4711));
        assertFalse(DeliveryTokens.verify(ONLY_FIRST, null, 7, 4711));
        assertEquals(OptionalLong.empty(), DeliveryTokens.deliveryId("abc.def"));
        assertEquals(OptionalLong.empty(), DeliveryTokens.deliveryId("-3"));
        assertEquals(OptionalLong.empty(), DeliveryTokens.deliveryId("1".repeat(65)));
    }
}
