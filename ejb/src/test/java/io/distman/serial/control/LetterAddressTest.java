package io.distman.serial.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.distman.directory.entity.Contact;
import io.distman.message.entity.PostalAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The directory's one-line address as an envelope the submission accepts, or none. */
class LetterAddressTest {

    private static Contact living(String address) {
        return new Contact(1, "Dear Ms Becker", "Anna", "Becker", null, null, "A", "A-101", address, null, true, false,
                false, null);
    }

    @Test
    void theLastPartIsTheTownAndTheOthersTheStreetLines() {
        PostalAddress a = LetterAddress.of(living("A-101, A House, 1 Harbour Road, Northside"));
        assertEquals(List.of("Anna Becker", "A-101", "A House", "1 Harbour Road", "Northside"), a.windowLines(null));
        assertEquals("Northside", a.town());
    }

    @Test
    void moreStreetPartsThanTheWindowHoldsShareItsLastLine() {
        PostalAddress a = LetterAddress.of(living("Flat 2, Block A, Rose Court, 1 Harbour Road, Northside"));
        assertEquals(List.of("Flat 2", "Block A", "Rose Court, 1 Harbour Road"), a.streetLines());
    }

    @Test
    void noEnvelopeWithoutAStreetOrWithALineTooLong() {
        assertNull(LetterAddress.of(living("Northside")));
        assertNull(LetterAddress.of(living(null)));
        assertNull(LetterAddress.of(living(" , ")));
        assertNull(LetterAddress.of(living("x".repeat(PostalAddress.MAX_LINE + 1) + ", Northside")));
    }
}
