package io.distman.audit.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ViewPageTest {

    @Test
    void theUnitSearchGetsTheAddressUrlEncoded() {
        assertEquals("https://backoffice.example/units?email=o.brown%2Btest%40example.org",
                ViewPage.unitSearchUrl("https://backoffice.example/units?email={address}", "o.brown+test@example.org"));
    }

    @Test
    void noTemplateOrNoAddressMeansNoButton() {
        assertNull(ViewPage.unitSearchUrl(null, "a@b.example"));
        assertNull(ViewPage.unitSearchUrl(" ", "a@b.example"));
        assertNull(ViewPage.unitSearchUrl("https://x.example/?q={address}", null));
    }
}
