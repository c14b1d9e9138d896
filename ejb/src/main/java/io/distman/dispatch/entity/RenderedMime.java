package io.distman.dispatch.entity;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A rendered message (without its Message-ID) as pieces whose concatenation is the mail: the headers and
 * body parts, and each attachment's encoded part as a piece of its own. A large attachment is encoded once
 * per message and block and the same array is shared by every recipient's copy, even when the copies
 * differ (tracked HTML): a block of 50 copies of a mail with 18 MB attached holds the encoded files once,
 * not 50 times. The pieces are never modified after rendering.
 *
 * @param pieces in order; the first holds the message's header section
 */
public record RenderedMime(List<byte[]> pieces) {

    public RenderedMime {
        pieces = List.copyOf(pieces);
    }

    /** A message rendered in one piece. */
    public static RenderedMime of(byte[] bytes) {
        return new RenderedMime(List.of(bytes));
    }

    /** The size of the mail in bytes. */
    public long length() {
        long length = 0;
        for (byte[] piece : pieces) {
            length += piece.length;
        }
        return length;
    }

    public void writeTo(OutputStream out) throws IOException {
        for (byte[] piece : pieces) {
            out.write(piece);
        }
    }

    /** The header section (up to the empty line, without it) as ISO-8859-1 text. */
    public String headerSection() {
        byte[] first = pieces.isEmpty() ? new byte[0] : pieces.get(0);
        return new String(first, 0, headerEnd(first), StandardCharsets.ISO_8859_1);
    }

    /** Where the body starts in the first piece: after the first CRLF CRLF (its length if there is none). */
    public int bodyStart() {
        byte[] first = pieces.isEmpty() ? new byte[0] : pieces.get(0);
        int end = headerEnd(first);
        return end == first.length ? end : end + 4;
    }

    private static int headerEnd(byte[] bytes) {
        for (int i = 0; i + 3 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n' && bytes[i + 2] == '\r' && bytes[i + 3] == '\n') {
                return i;
            }
        }
        return bytes.length;
    }
}
