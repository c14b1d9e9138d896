package io.distman.platform.boundary;

import jakarta.ws.rs.core.HttpHeaders;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a request body that anyone may send, never more than a limit: a declared Content-Length over it is
 * refused before a byte is read, and a body without one (chunked) is refused as soon as it passes the limit,
 * so at most {@code limit} bytes are ever held. Resources take the body as an {@link InputStream} (which the
 * JAX-RS runtime does not buffer) and call this after the checks that need no body.
 */
public final class BoundedBody {

    private static final int CHUNK = 8192;

    private BoundedBody() {
    }

    /** @throws BodyTooLargeException over the limit (mapped to 413 by {@link ApiErrors.TooLarge}) */
    public static byte[] read(HttpHeaders headers, InputStream body, long limit) throws IOException {
        return read(headers.getHeaderString(HttpHeaders.CONTENT_LENGTH), body, limit);
    }

    /** @param declared the request's Content-Length header, or null (chunked) */
    public static byte[] read(String declared, InputStream body, long limit) throws IOException {
        if (declared != null && declaredLength(declared) > limit) {
            throw new BodyTooLargeException(limit);
        }
        if (body == null) {
            return new byte[0];
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(limit, 64 * 1024));
        byte[] chunk = new byte[CHUNK];
        long total = 0;
        for (int n = body.read(chunk); n >= 0; n = body.read(chunk)) {
            total += n;
            if (total > limit) {
                throw new BodyTooLargeException(limit);
            }
            out.write(chunk, 0, n);
        }
        return out.toByteArray();
    }

    private static long declaredLength(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1; // the container refuses a malformed length itself; the counting read still bounds it
        }
    }

    /** The body is larger than the endpoint takes. */
    public static final class BodyTooLargeException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final long limit;

        public BodyTooLargeException(long limit) {
            super("the body is larger than " + limit + " bytes");
            this.limit = limit;
        }

        public long limit() {
            return limit;
        }
    }
}
