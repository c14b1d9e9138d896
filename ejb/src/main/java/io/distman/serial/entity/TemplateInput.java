package io.distman.serial.entity;

import java.io.Serializable;

/** A template as a user or module writes it: a name, a subject and an HTML and/or a text body; draft or ready. */
public record TemplateInput(String name, String subject, String htmlBody, String textBody, boolean draft) implements Serializable {

    public static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
