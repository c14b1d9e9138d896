package io.distman.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** What BoundedBody reads of a body, and how little it reads of one over the limit. */
class BoundedBodyTest {

    /** An endless body that counts what was read of it. */
    private static final class Endless extends InputStream {
        long read;

        @Override
        public int read() {
            read++;
            return 'a';
        }

        @Override
        public int read(byte[] b, int off, int len) {
            read += len;
            return len;
        }
    }

    @Test
    void aBodyUpToTheLimitIsReadWhole() throws IOException {
        byte[] body = "x".repeat(100).getBytes();
        assertArrayEquals(body, BoundedBody.read("100", new ByteArrayInputStream(body), 100));
        assertArrayEquals(body, BoundedBody.read((String) null, new ByteArrayInputStream(body), 100));
        assertArrayEquals(new byte[0], BoundedBody.read((String) null, new ByteArrayInputStream(new byte[0]), 100));
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeAByteIsRead() {
        Endless body = new Endless();
        BoundedBody.BodyTooLargeException e = assertThrows(BoundedBody.BodyTooLargeException.class,
                () -> BoundedBody.read("314572800", body, 1024));
        assertEquals(1024, e.limit());
        assertEquals(0, body.read);
    }

    @Test
    void aChunkedBodyIsRefusedAsSoonAsItPassesTheLimit() {
        Endless body = new Endless();
        assertThrows(BoundedBody.BodyTooLargeException.class, () -> BoundedBody.read((String) null, body, 1024 * 1024));
        assertTrue(body.read <= 1024 * 1024 + 8192, "read " + body.read + " bytes of an endless body");
    }

    @Test
    void aLyingContentLengthDoesNotLiftTheLimit() {
        // Declared small, sent large: the counting read still stops at the limit.
        assertThrows(BoundedBody.BodyTooLargeException.class, () -> BoundedBody.read("10", new Endless(), 4096));
    }
}
