package io.distman.submission.entity;

import java.io.Serializable;

/** A recipient as the caller knows them; a null or blank address becomes an EMAIL_MISSING delivery. */
public record RecipientInput(String address, String name) implements Serializable {

    public static RecipientInput of(String address) {
        return new RecipientInput(address, null);
    }
}
