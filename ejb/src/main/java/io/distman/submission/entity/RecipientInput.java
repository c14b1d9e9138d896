package io.distman.submission.entity;

import jakarta.json.bind.annotation.JsonbCreator;
import jakarta.json.bind.annotation.JsonbProperty;
import java.io.Serializable;

/** A recipient as the caller knows them; a null or blank address becomes an EMAIL_MISSING delivery. */
public final class RecipientInput implements Serializable {

    private static final long serialVersionUID = 1L;

    public final String address;
    public final String name;

    @JsonbCreator
    public RecipientInput(@JsonbProperty("address") String address,
            @JsonbProperty("name") String name) {
        this.address = address;
        this.name = name;
    }

    public String address() {
        return address;
    }

    public String name() {
        return name;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RecipientInput o && java.util.Objects.equals(address, o.address) && java.util.Objects.equals(name, o.name);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(address, name);
    }

    @Override
    public String toString() {
        return "RecipientInput[" + "address=" + address + ", " + "name=" + name + "]";
    }

    public static RecipientInput of(String address) {
        return new RecipientInput(address, null);
    }
}
