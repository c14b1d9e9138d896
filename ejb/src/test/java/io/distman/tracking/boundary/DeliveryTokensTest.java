package io.distman.tracking.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class DeliveryTokensTest {

    private static final byte[] KEY = "an installation secret of 32 b.".getBytes(StandardCharsets.US_ASCII);

    @Test
    void aTokenNamesItsDeliveryAndVerifiesOnlyForItsAccountAndDelivery() {
        String token = DeliveryTokens.sign(KEY, 7, 4711);
        assertTrue(token.startsWith("4711."), token);
        assertEquals(OptionalLong.of(4711), DeliveryTokens.deliveryId(token));
        assertTrue(DeliveryTokens.verify(KEY, token, 7, 4711));
        assertFalse(DeliveryTokens.verify(KEY, token, 8, 4711), "another account");
        assertFalse(DeliveryTokens.verify(KEY, token, 7, 4712), "another delivery");
        assertFalse(DeliveryTokens.verify("another key of 32 bytes........".getBytes(StandardCharsets.US_ASCII), token, 7, 4711));
        assertFalse(DeliveryTokens.isUnsigned(token));
    }

    @Test
    void bareForgedAndGarbledIdsDoNotVerify() {
        String token = DeliveryTokens.sign(KEY, 7, 4711);
        String mac = token.substring(token.indexOf('.') + 1);
        assertFalse(DeliveryTokens.verify(KEY, "4711", 7, 4711));
        assertTrue(DeliveryTokens.isUnsigned("4711"));
        assertFalse(DeliveryTokens.verify(KEY, "4712." + mac, 7, 4712), "a MAC moved to another id");
        assertFalse(DeliveryTokens.verify(KEY, "4711." + mac.replace(mac.charAt(0), mac.charAt(0) == 'A' ? 'B' : 'A'), 7, 4711));
        assertFalse(DeliveryTokens.verify(KEY, "4711." + mac + ".x", 7, 4711));
        assertFalse(DeliveryTokens.verify(KEY, "4711.", 7, 4711));
        assertFalse(DeliveryTokens.verify(KEY, null, 7, 4711));
        assertEquals(OptionalLong.empty(), DeliveryTokens.deliveryId("abc.def"));
        assertEquals(OptionalLong.empty(), DeliveryTokens.deliveryId("-3"));
        assertEquals(OptionalLong.empty(), DeliveryTokens.deliveryId("1".repeat(65)));
    }
}
