package io.distman.submission.entity;

import jakarta.json.bind.annotation.JsonbCreator;
import jakarta.json.bind.annotation.JsonbProperty;
import java.io.Serializable;

/** Who the email is from, as the recipient sees it. */
public final class SenderInput implements Serializable {

    private static final long serialVersionUID = 1L;

    public final String address;
    public final String name;
    public final String replyTo;

    @JsonbCreator
    public SenderInput(@JsonbProperty("address") String address,
            @JsonbProperty("name") String name,
            @JsonbProperty("replyTo") String replyTo) {
        this.address = address;
        this.name = name;
        this.replyTo = replyTo;
    }

    public String address() {
        return address;
    }

    public String name() {
        return name;
    }

    public String replyTo() {
        return replyTo;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SenderInput o && java.util.Objects.equals(address, o.address) && java.util.Objects.equals(name, o.name) && java.util.Objects.equals(replyTo, o.replyTo);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(address, name, replyTo);
    }

    @Override
    public String toString() {
        return "SenderInput[" + "address=" + address + ", " + "name=" + name + ", " + "replyTo=" + replyTo + "]";
    }

    public static SenderInput of(String address, String name) {
        return new SenderInput(address, name, null);
    }
}
