package io.distman.identity.control;

import java.security.SecureRandom;

/**
 * Random text for names published in DNS (selector tails, verification tokens): lower-case letters and
 * digits without the look-alikes (l, o, 0, 1), valid in a DNS label and easy to read aloud; 5 bits each.
 */
public final class RandomText {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

    /** A verification token's length: 26 characters, 130 bits, unguessable. */
    public static final int TOKEN_LENGTH = 26;

    private RandomText() {
    }

    public static String of(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }
}
