package io.distman.serial.entity;

import java.io.Serializable;
import java.time.Instant;

/** A stored template as screens and REST show it. */
public record TemplateView(long id, String name, String subject, String htmlBody, String textBody, boolean draft,
                           String updatedBy, Instant updatedAt) implements Serializable {
}
