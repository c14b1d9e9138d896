package io.distman.digest.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** An HTML-only held mail is read into the digest as text. */
class DigestComposerTest {

    @Test
    void htmlIsReducedToItsText() {
        assertEquals("Dear tenant,\nThe lift is fixed & working.",
                DigestComposer.textOf("<style>p{}</style><p>Dear tenant,</p>The <b>lift</b> is fixed &amp; working."));
        assertEquals("Your digest: 1 message", DigestComposer.subject(1));
        assertEquals("Your digest: 3 messages", DigestComposer.subject(3));
    }
}
