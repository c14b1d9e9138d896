package io.distman.submission.entity;

import java.io.Serializable;

/** Who the email is from, as the recipient sees it. */
public record SenderInput(String address, String name, String replyTo) implements Serializable {

    public static SenderInput of(String address, String name) {
        return new SenderInput(address, name, null);
    }
}
