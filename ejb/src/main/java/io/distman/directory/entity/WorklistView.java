package io.distman.directory.entity;

import java.io.Serializable;
import java.time.Instant;

/** A worklist as screens and REST show it. */
public record WorklistView(long id, String name, long contacts, String createdBy, Instant createdAt) implements Serializable {
}
