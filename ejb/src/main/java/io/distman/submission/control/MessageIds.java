package io.distman.submission.control;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * The identifiers a delivery is given at submission: its {@code Message-ID} (fixed, so that a
 * resend after a crash is recognisably the same email) and the token of its return path (VERP),
 * which brings its bounces back to it. Both are random, so neither reveals nor guesses row ids.
 */
public final class MessageIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

    private MessageIds() {
    }

    /** @param senderAddress the From address, whose domain the Message-ID carries (RFC 5322 §3.6.4) */
    public static String messageIdFor(String senderAddress) {
        int at = senderAddress.lastIndexOf('@');
        String domain = at < 0 ? "distman.local" : senderAddress.substring(at + 1).toLowerCase(Locale.ROOT);
        return "<dm." + randomToken(20) + "@" + domain + ">";
    }

    public static String returnToken() {
        return randomToken(16);
    }

    private static String randomToken(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        StringBuilder out = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : random) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(BASE32[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(BASE32[(buffer << (5 - bits)) & 31]);
        }
        return out.toString();
    }
}
