package io.distman.identity.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VerifiedSendersTest {

    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    private final VerifiedSenders senders = new VerifiedSenders();

    @AfterEach
    void clearSetting() {
        System.clearProperty("distman.identity.senderCache");
    }

    @Test
    void aVerifiedDomainCoversItsAddressesForAMinuteAndForNoOtherAccount() {
        senders.remember(1, "northside.example", NOW);

        assertTrue(senders.covers(1, "lettings@northside.example", "northside.example", NOW.plusSeconds(59)));
        assertFalse(senders.covers(1, "lettings@northside.example", "northside.example", NOW.plusSeconds(60)),
                "after the cache time the database is asked again");
        assertFalse(senders.covers(2, "lettings@northside.example", "northside.example", NOW), "another account");
        assertFalse(senders.covers(1, "a@harbour.example", "harbour.example", NOW), "another domain");
    }

    @Test
    void aVerifiedAddressCoversThatAddressOnly() {
        senders.remember(1, "lettings@northside.example", NOW);

        assertTrue(senders.covers(1, "lettings@northside.example", "northside.example", NOW));
        assertFalse(senders.covers(1, "repairs@northside.example", "northside.example", NOW));
    }

    @Test
    void forgettingAnAccountAsksTheDatabaseAgainForItOnly() {
        senders.remember(1, "northside.example", NOW);
        senders.remember(2, "harbour.example", NOW);

        senders.forget(1);

        assertFalse(senders.covers(1, "lettings@northside.example", "northside.example", NOW));
        assertTrue(senders.covers(2, "a@harbour.example", "harbour.example", NOW));
    }

    @Test
    void aZeroCacheTimeRemembersNothing() {
        System.setProperty("distman.identity.senderCache", "PT0S");
        senders.remember(1, "northside.example", NOW);

        assertFalse(senders.covers(1, "lettings@northside.example", "northside.example", NOW));
    }
}
