package io.distman.directory.entity;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One of the host's contacts as serial mail sees it. {@code email} is null when the host has none; a negative
 * {@code balance} is money owed (arrears). {@code extra} holds any further field the host offers for merging.
 */
public record Contact(long id, String salutation, String firstName, String lastName, String email, ContactRole role,
                      String block, String unit, String postalAddress, BigDecimal balance, boolean newsletter,
                      boolean optedOut, boolean trackingConsent, Map<String, String> extra) implements Serializable {

    public Contact {
        extra = extra == null ? Map.of() : Map.copyOf(extra);
    }

    public boolean hasEmail() {
        return email != null && !email.isBlank();
    }

    public boolean inArrears() {
        return balance != null && balance.signum() < 0;
    }

    public String name() {
        return ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).strip();
    }

    /**
     * The merge fields a template may use, by name. A field the host has no value for is absent, so a template that
     * uses it is reported as missing that field for this contact. Extra fields cannot shadow the standard ones.
     */
    public Map<String, Object> mergeFields() {
        Map<String, Object> fields = new LinkedHashMap<>(extra);
        put(fields, "salutation", salutation);
        put(fields, "firstName", firstName);
        put(fields, "lastName", lastName);
        put(fields, "name", name());
        put(fields, "email", email);
        put(fields, "role", role == null ? null : role.name().charAt(0) + role.name().substring(1).toLowerCase());
        put(fields, "block", block);
        put(fields, "unit", unit);
        put(fields, "address", postalAddress);
        fields.put("balance", balance);
        fields.put("arrears", balance == null || balance.signum() >= 0 ? BigDecimal.ZERO : balance.negate());
        return fields;
    }

    private static void put(Map<String, Object> fields, String name, String value) {
        if (value == null || value.isBlank()) {
            fields.remove(name);
        } else {
            fields.put(name, value);
        }
    }
}
