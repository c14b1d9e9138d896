package io.distman.dispatch.control;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A plain SMTP socket that keeps what the server said when a write to it fails. A server that refuses
 * the mail before the end of DATA (a 550 for the content, a 421 going down) replies and closes; the
 * client, still writing the message, gets "Broken pipe" first and Jakarta Mail never reads the reply, so
 * the refusal was lost and the mail retried code-less until it expired. The reply is then either already
 * read into Jakarta Mail's buffer (it came right behind the 354, as Postfix's smtp-sink -A sends it) or
 * still in the receive buffer: so the last bytes received are kept as they pass, the rest is read with a
 * short timeout, and the last 4xx/5xx reply among them is kept; the write fails as before. The connection
 * is dropped after every refusal, so an earlier refusal on it cannot be mistaken for this one.
 * (Over TLS the bytes below are encrypted and the TLS layer is closed by then: nothing to salvage there.)
 */
final class ReplyKeepingSocket extends Socket {

    private static final int LONGEST_REPLY = 4096;
    private static final int WAIT_MILLIS = 1000;

    private volatile String salvagedReply;
    private OutputStream output;
    private InputStream input;
    /** The last bytes received, as Jakarta Mail read them (at most {@link #LONGEST_REPLY}). */
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();

    /** The server's reply read after a failed write, or null. */
    String salvagedReply() {
        return salvagedReply;
    }

    @Override
    public synchronized OutputStream getOutputStream() throws IOException {
        if (output == null) {
            output = new FilterOutputStream(super.getOutputStream()) {
                @Override
                public void write(int b) throws IOException {
                    try {
                        out.write(b);
                    } catch (IOException e) {
                        throw salvage(e);
                    }
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    try {
                        out.write(b, off, len);
                    } catch (IOException e) {
                        throw salvage(e);
                    }
                }

                @Override
                public void flush() throws IOException {
                    try {
                        out.flush();
                    } catch (IOException e) {
                        throw salvage(e);
                    }
                }
            };
        }
        return output;
    }

    @Override
    public synchronized InputStream getInputStream() throws IOException {
        if (input == null) {
            input = new FilterInputStream(super.getInputStream()) {
                @Override
                public int read() throws IOException {
                    int b = in.read();
                    if (b >= 0) {
                        keep(new byte[] {(byte) b}, 0, 1);
                    }
                    return b;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    int n = in.read(b, off, len);
                    if (n > 0) {
                        keep(b, off, n);
                    }
                    return n;
                }
            };
        }
        return input;
    }

    private void keep(byte[] bytes, int off, int len) {
        synchronized (received) {
            if (received.size() + len > LONGEST_REPLY) {
                byte[] all = received.toByteArray();
                received.reset();
                int from = Math.max(0, all.length + len - LONGEST_REPLY);
                received.write(all, Math.min(from, all.length), all.length - Math.min(from, all.length));
            }
            received.write(bytes, off, Math.min(len, LONGEST_REPLY));
        }
    }

    private IOException salvage(IOException writeFailure) {
        if (salvagedReply != null || isClosed()) {
            return writeFailure;
        }
        try {
            setSoTimeout(WAIT_MILLIS);
            InputStream raw = super.getInputStream();
            byte[] buffer = new byte[512];
            int n;
            while (refusal() == null && (n = raw.read(buffer)) > 0) {
                keep(buffer, 0, n);
            }
        } catch (IOException e) {
            writeFailure.addSuppressed(e); // reset, or nothing more within the wait: keep what came before
        }
        salvagedReply = refusal();
        return writeFailure;
    }

    private String refusal() {
        synchronized (received) {
            return lastRefusal(received.toString(StandardCharsets.US_ASCII));
        }
    }

    /** The last complete 4xx or 5xx reply line ("550 5.7.1 ...", not a "550-" continuation) in {@code text}, or null. */
    static String lastRefusal(String text) {
        String[] lines = text.split("\r?\n", -1);
        for (int i = lines.length - 2; i >= 0; i--) { // the last element follows the last line end
            String line = lines[i];
            if (line.length() >= 3 && (line.charAt(0) == '4' || line.charAt(0) == '5')
                    && Character.isDigit(line.charAt(1)) && Character.isDigit(line.charAt(2))
                    && (line.length() == 3 || line.charAt(3) == ' ')) {
                return line.strip();
            }
        }
        return null;
    }
}
