package io.distman.message.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class AddressCheckTest {

    @Test
    void acceptsOrdinaryInternationalisedAndQuotedAddresses() {
        assertNull(AddressCheck.problemWith("olivia.brown@tenant.example"));
        assertNull(AddressCheck.problemWith("o'brien+rent@tenant.example.co.uk"));
        assertNull(AddressCheck.problemWith("juergen@bücher.example"), "IDN domain");
        assertNull(AddressCheck.problemWith("jürgen@bücher.example"), "RFC 6531 local part");
        assertNull(AddressCheck.problemWith("\"john smith\"@tenant.example"), "quoted local part");
    }

    @Test
    void rejectsWhatCanNeverBeDelivered() {
        assertNotNull(AddressCheck.problemWith("harry.davies@tenant"), "no top-level domain");
        assertNotNull(AddressCheck.problemWith("ava..roberts@tenant.example"));
        assertNotNull(AddressCheck.problemWith("ava.roberts@@tenant.example"));
        assertNotNull(AddressCheck.problemWith("no-at-sign.example"));
        assertNotNull(AddressCheck.problemWith("a@" + "x".repeat(250) + ".example"));
    }

    @Test
    void normalisesOnlyTheDomain() {
        assertEquals("Olivia.Brown@tenant.example", AddressCheck.normalise("  Olivia.Brown@Tenant.EXAMPLE "));
    }
}
