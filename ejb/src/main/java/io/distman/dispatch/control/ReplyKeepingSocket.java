package io.distman.dispatch.control;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A plain SMTP socket that reads what the server said when a write to it fails. A server that refuses
 * the mail before the end of DATA (a 550 for the content, a 421 going down) replies and closes; the
 * client, still writing the message, gets "Broken pipe" first and Jakarta Mail never reads the reply, so
 * the refusal was lost and the mail retried code-less until it expired. The reply is usually already in
 * the receive buffer then: it is read with a short timeout, kept, and the write fails as before.
 * (Over TLS the bytes below are encrypted and the TLS layer is closed by then: nothing to salvage there.)
 */
final class ReplyKeepingSocket extends Socket {

    private static final int LONGEST_REPLY = 4096;
    private static final int WAIT_MILLIS = 1000;

    private volatile String salvagedReply;
    private OutputStream output;

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

    private IOException salvage(IOException writeFailure) {
        if (salvagedReply == null && !isClosed()) {
            try {
                setSoTimeout(WAIT_MILLIS);
                salvagedReply = lastReply(super.getInputStream());
            } catch (IOException e) {
                writeFailure.addSuppressed(e); // reset before anything could be read: no reply to keep
            }
        }
        return writeFailure;
    }

    /** The last complete reply line ("550 5.7.1 ...", the one without a hyphen after its code) of what arrives, or null. */
    static String lastReply(InputStream in) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[512];
        int n;
        while (received.size() < LONGEST_REPLY && (n = in.read(buffer)) > 0) {
            received.write(buffer, 0, n);
            String reply = finalLine(received.toString(StandardCharsets.US_ASCII));
            if (reply != null) {
                return reply;
            }
        }
        return finalLine(received.toString(StandardCharsets.US_ASCII) + "\n");
    }

    private static String finalLine(String text) {
        String[] lines = text.split("\r?\n", -1);
        for (int i = lines.length - 2; i >= 0; i--) { // the last element follows the last line end
            String line = lines[i];
            if (line.length() >= 3 && line.substring(0, 3).chars().allMatch(Character::isDigit)
                    && (line.length() == 3 || line.charAt(3) == ' ')) {
                return line.strip();
            }
        }
        return null;
    }
}
