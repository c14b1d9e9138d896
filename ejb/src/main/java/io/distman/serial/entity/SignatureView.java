package io.distman.serial.entity;

import java.io.Serializable;
import java.time.Instant;

/** A stored signature, sanitised, in both forms; {@code owner} is the user's principal or the identity's value. */
public record SignatureView(SignatureOwner ownerKind, String owner, String htmlBody, String textBody, String updatedBy,
                            Instant updatedAt) implements Serializable {
}
