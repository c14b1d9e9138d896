package io.distman.preference.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.message.entity.Category;
import io.distman.message.entity.Priority;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The one rule of what preferences do to a mail, by category and priority. */
class TreatmentTest {

    private static RecipientPreference pref(boolean optedOut, DigestFrequency digest) {
        RecipientPreference p = new RecipientPreference(1, "a@b.example");
        p.set(optedOut, digest, null, "08:00", "UTC", null, "support", Instant.EPOCH);
        return p;
    }

    @Test
    void anOptOutStopsBulkMailOnlyAndEssentialMailOverridesIt() {
        RecipientPreference out = pref(true, DigestFrequency.NONE);
        assertEquals(Treatment.OPTED_OUT, Treatment.of(out, Category.BULK, Priority.NORMAL));
        assertEquals(Treatment.OPTED_OUT, Treatment.of(out, Category.BULK, Priority.URGENT));
        assertEquals(Treatment.SEND, Treatment.of(out, Category.TRANSACTIONAL, Priority.NORMAL));
        assertEquals(Treatment.SEND_OVERRIDING_OPT_OUT, Treatment.of(out, Category.ESSENTIAL, Priority.NORMAL));
        assertEquals(Treatment.OPTED_OUT, Treatment.of(pref(true, DigestFrequency.DAILY), Category.BULK, Priority.NORMAL),
                "an opt-out wins over a digest");
    }

    @Test
    void aDigestHoldsNormalBulkMailOnly() {
        RecipientPreference daily = pref(false, DigestFrequency.DAILY);
        assertEquals(Treatment.HOLD_FOR_DIGEST, Treatment.of(daily, Category.BULK, Priority.NORMAL));
        assertEquals(Treatment.SEND, Treatment.of(daily, Category.BULK, Priority.URGENT));
        assertEquals(Treatment.SEND, Treatment.of(daily, Category.TRANSACTIONAL, Priority.NORMAL));
        assertEquals(Treatment.SEND, Treatment.of(daily, Category.ESSENTIAL, Priority.NORMAL));
        assertEquals(Treatment.SEND, Treatment.of(null, Category.BULK, Priority.NORMAL));
    }

    @Test
    void anOptOutElsewhereCountsLikeOursWhateverOurStoreSays() {
        RecipientPreference daily = pref(false, DigestFrequency.DAILY);
        assertEquals(Treatment.OPTED_OUT, Treatment.of(null, true, Category.BULK, Priority.NORMAL));
        assertEquals(Treatment.OPTED_OUT, Treatment.of(daily, true, Category.BULK, Priority.URGENT), "not held: opted out");
        assertEquals(Treatment.SEND_OVERRIDING_OPT_OUT, Treatment.of(null, true, Category.ESSENTIAL, Priority.NORMAL));
        assertEquals(Treatment.SEND, Treatment.of(null, true, Category.TRANSACTIONAL, Priority.NORMAL));
        assertEquals(Treatment.HOLD_FOR_DIGEST, Treatment.of(daily, false, Category.BULK, Priority.NORMAL));
    }

    @Test
    void theOverrideNoteSaysWhoAndWhy() {
        String note = Treatment.overrideNote("API key 'billing' for anna", "anna", "statutory notice");
        assertTrue(note.contains("API key 'billing' for anna") && note.contains("statutory notice"), note);
        assertTrue(Treatment.overrideNote(null, "anna", null).contains("anna; reason: none given"));
    }
}
