package io.distman.submission.entity;

import java.io.Serializable;

/** What is wrong with one field of a request, e.g. {@code to[2].address}: contains a line break. */
public record FieldError(String field, String message) implements Serializable {

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
