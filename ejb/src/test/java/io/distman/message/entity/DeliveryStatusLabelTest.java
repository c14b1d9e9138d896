package io.distman.message.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every status has words of its own for the agent, never its constant. */
class DeliveryStatusLabelTest {

    @Test
    void everyStatusHasItsOwnReadableLabel() {
        for (DeliveryStatus status : DeliveryStatus.values()) {
            String label = status.label();
            assertFalse(label == null || label.isBlank(), status.name());
            assertFalse(label.contains("_"), label);
            assertNotEquals(label.toUpperCase(Locale.ROOT), label, "words, not a constant: " + label);
            assertEquals(label, status.getLabel(), "the Faces property is the same label");
        }
        Set<String> labels = Arrays.stream(DeliveryStatus.values()).map(DeliveryStatus::label).collect(Collectors.toSet());
        assertEquals(DeliveryStatus.values().length, labels.size(), "no two statuses read the same");
    }

    @Test
    void theStatusesAgentsMisreadSayWhatTheyMean() {
        assertEquals("No email address", DeliveryStatus.EMAIL_MISSING.label());
        assertEquals("Delayed, will retry", DeliveryStatus.TEMPORARY_FAILURE.label());
        assertEquals("Handed to the provider", DeliveryStatus.ACCEPTED.label(), "not to be read as delivered");
    }
}
