package io.distman.tracking.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class LinkTokensTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes();

    @Test
    void aSignedTokenNamesItsDelivery() {
        String token = LinkTokens.sign(KEY, "unsubscribe", 4711);
        assertEquals(OptionalLong.of(4711), LinkTokens.verify(KEY, "unsubscribe", token));
        assertEquals(27, token.length());
    }

    @Test
    void forgedTamperedOrMisusedTokensAreRefused() {
        String token = LinkTokens.sign(KEY, "unsubscribe", 4711);
        assertTrue(LinkTokens.verify(KEY, "click", token).isEmpty(), "another purpose");
        assertTrue(LinkTokens.verify("another-key-another-key-another-k".getBytes(), "unsubscribe", token).isEmpty());
        char[] chars = token.toCharArray();
        chars[3] = chars[3] == 'A' ? 'B' : 'A'; // another delivery id, same signature
        assertTrue(LinkTokens.verify(KEY, "unsubscribe", new String(chars)).isEmpty());
        assertTrue(LinkTokens.verify(KEY, "unsubscribe", "not base64 !").isEmpty());
        assertTrue(LinkTokens.verify(KEY, "unsubscribe", "").isEmpty());
    }
}
