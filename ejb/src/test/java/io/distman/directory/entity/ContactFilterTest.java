package io.distman.directory.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ContactFilterTest {

    @Test
    void encodesAndParsesBack() {
        for (ContactFilter f : new ContactFilter[] {ContactFilter.ALL, new ContactFilter(ContactRole.TENANT, "C", false, true),
            new ContactFilter(null, "A 1", true, null)}) {
            assertEquals(f, ContactFilter.parse(f.encode()));
        }
        assertEquals("leaseholders, block B, in arrears", new ContactFilter(ContactRole.LEASEHOLDER, "B", true, null).toString());
    }

    @Test
    void aHostileBlockIsRefusedByName() {
        assertEquals("filter.block", new ContactFilter(null, "B;role=OWNER", null, null).problems("filter").get(0).field());
        assertTrue(new ContactFilter(null, "North-2", null, null).problems("filter").isEmpty());
    }
}
