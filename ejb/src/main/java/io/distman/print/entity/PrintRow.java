package io.distman.print.entity;

import io.distman.message.entity.DeliveryStatus;
import java.io.Serializable;
import java.time.Instant;

/** One line of the print-queue screen and API: the letter, where it goes, and its queue and print history. */
public record PrintRow(long deliveryId, String subject, String recipientName, String emailAddress, DeliveryStatus status,
                       String postcode, String town, Instant queuedAt, String queuedBy, Instant printedAt, String printedBy,
                       int printCount) implements Serializable {
}
