package io.distman.serial.entity;

import java.io.Serializable;

/** A signature as it is written: HTML and/or plain text; both blank removes it. */
public record SignatureInput(String htmlBody, String textBody) implements Serializable {
}
