package io.distman.serial.entity;

import java.io.Serializable;

/** What is merged per recipient: a subject and an HTML and/or text body, each a Pebble template. */
public record MergeSource(String subject, String htmlBody, String textBody) implements Serializable {
}
