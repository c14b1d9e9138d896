package io.distman.platform.entity;

import java.io.Serializable;

/** What is wrong with one field of a request, e.g. {@code to[2].address}: contains a line break. */
public final class FieldError implements Serializable {

    private static final long serialVersionUID = 1L;

    public final String field;
    public final String message;

    public FieldError(String field, String message) {
        this.field = field;
        this.message = message;
    }

    public String field() {
        return field;
    }

    public String message() {
        return message;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FieldError o && java.util.Objects.equals(field, o.field) && java.util.Objects.equals(message, o.message);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(field, message);
    }

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
