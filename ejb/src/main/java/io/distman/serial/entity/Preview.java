package io.distman.serial.entity;

import java.io.Serializable;
import java.util.List;

/** The mail one contact would get, and the merge fields the templates use that this contact has no value for. */
public record Preview(long contactId, String to, String subject, String htmlBody, String textBody,
                      List<String> missingFields) implements Serializable {
}
