package io.distman.testsupport;

import java.io.InputStream;
import java.net.http.HttpRequest;
import java.util.Arrays;

/**
 * A request body of any size made up as it is sent, never held: a few hundred megabytes cost the sender one
 * 64 KB buffer. {@link #publisher(long, boolean)} sends it with its Content-Length or chunked (no length).
 */
public final class GeneratedBody extends InputStream {

    private static final byte[] FILL = new byte[64 * 1024];

    static {
        Arrays.fill(FILL, (byte) 'a');
    }

    private long left;

    public GeneratedBody(long size) {
        this.left = size;
    }

    /** {@code size} bytes; with {@code declared} a Content-Length header, else chunked transfer. */
    public static HttpRequest.BodyPublisher publisher(long size, boolean declared) {
        HttpRequest.BodyPublisher stream = HttpRequest.BodyPublishers.ofInputStream(() -> new GeneratedBody(size));
        return declared ? HttpRequest.BodyPublishers.fromPublisher(stream, size) : stream;
    }

    @Override
    public int read() {
        if (left <= 0) {
            return -1;
        }
        left--;
        return 'a';
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (left <= 0) {
            return -1;
        }
        int n = (int) Math.min(Math.min(len, FILL.length), left);
        System.arraycopy(FILL, 0, b, off, n);
        left -= n;
        return n;
    }
}
