package io.distman.submission.entity;

import io.distman.message.entity.PostalAddress;
import jakarta.json.bind.annotation.JsonbCreator;
import jakarta.json.bind.annotation.JsonbProperty;
import java.io.Serializable;

/**
 * A recipient as the caller knows them; a null or blank address becomes an EMAIL_MISSING delivery. The optional
 * postal address (issue 13, print queue) lets such a delivery, or one whose mail failed for good, go out as a
 * printed letter instead.
 */
public final class RecipientInput implements Serializable {

    private static final long serialVersionUID = 1L;

    public final String address;
    public final String name;
    public final PostalAddress postalAddress;

    public RecipientInput(String address, String name) {
        this(address, name, null);
    }

    @JsonbCreator
    public RecipientInput(@JsonbProperty("address") String address,
            @JsonbProperty("name") String name,
            @JsonbProperty("postalAddress") PostalAddress postalAddress) {
        this.address = address;
        this.name = name;
        this.postalAddress = postalAddress;
    }

    public String address() {
        return address;
    }

    public String name() {
        return name;
    }

    public PostalAddress postalAddress() {
        return postalAddress;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RecipientInput o && java.util.Objects.equals(address, o.address) && java.util.Objects.equals(name, o.name)
                && java.util.Objects.equals(postalAddress, o.postalAddress);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(address, name, postalAddress);
    }

    @Override
    public String toString() {
        return "RecipientInput[" + "address=" + address + ", " + "name=" + name + ", postalAddress=" + postalAddress + "]";
    }

    public static RecipientInput of(String address) {
        return new RecipientInput(address, null);
    }
}
