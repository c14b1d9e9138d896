package io.distman.directory.entity;

import io.distman.platform.entity.FieldError;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which contacts a mailing or a worklist is built from: each characteristic that is set must hold (null: any).
 * E.g. "leaseholders of block B in arrears" is {@code (LEASEHOLDER, "B", true, null)}.
 */
public record ContactFilter(ContactRole role, String block, Boolean inArrears, Boolean hasEmail) implements Serializable {

    public static final ContactFilter ALL = new ContactFilter(null, null, null, null);
    private static final int MAX_BLOCK = 50;

    public boolean matches(Contact c) {
        return (role == null || role == c.role())
                && (block == null || block.isBlank() || block.strip().equalsIgnoreCase(c.block()))
                && (inArrears == null || inArrears == c.inArrears())
                && (hasEmail == null || hasEmail == c.hasEmail());
    }

    /** The filter as stored with a mailing: {@code role=TENANT;block=B;arrears=true;email=}, read back by {@link #parse}. */
    public String encode() {
        return "role=" + (role == null ? "" : role.name()) + ";block=" + (block == null ? "" : block.strip())
                + ";arrears=" + (inArrears == null ? "" : inArrears) + ";email=" + (hasEmail == null ? "" : hasEmail);
    }

    public static ContactFilter parse(String encoded) {
        String role = null, block = null, arrears = null, email = null;
        for (String part : encoded.split(";")) {
            int eq = part.indexOf('=');
            String value = part.substring(eq + 1);
            switch (part.substring(0, eq)) {
                case "role" -> role = value;
                case "block" -> block = value;
                case "arrears" -> arrears = value;
                case "email" -> email = value;
                default -> throw new IllegalArgumentException("Unknown filter part " + part);
            }
        }
        return new ContactFilter(role == null || role.isEmpty() ? null : ContactRole.valueOf(role),
                block == null || block.isEmpty() ? null : block, flag(arrears), flag(email));
    }

    private static Boolean flag(String value) {
        return value == null || value.isEmpty() ? null : Boolean.valueOf(value);
    }

    /** What is wrong with a filter from outside, by field. */
    public List<FieldError> problems(String prefix) {
        List<FieldError> errors = new ArrayList<>();
        if (block != null && (block.strip().length() > MAX_BLOCK || !block.strip().matches("[\\p{L}\\p{N} ._-]*"))) {
            errors.add(new FieldError(prefix + ".block", "must be at most " + MAX_BLOCK + " letters, digits, spaces, dots or dashes"));
        }
        return errors;
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        if (role != null) {
            parts.add(role.name().toLowerCase(Locale.ROOT) + "s");
        }
        if (block != null && !block.isBlank()) {
            parts.add("block " + block.strip());
        }
        if (inArrears != null) {
            parts.add(inArrears ? "in arrears" : "not in arrears");
        }
        if (hasEmail != null) {
            parts.add(hasEmail ? "with email" : "without email");
        }
        return parts.isEmpty() ? "all contacts" : String.join(", ", parts);
    }
}
