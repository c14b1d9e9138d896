package io.distman.ratelimit.entity;

import java.io.Serializable;

/**
 * What an account's relay or provider takes: messages per second (across all instances) and recipients per
 * connection (then a new connection); null is no limit.
 */
public record RelayLimits(Integer messagesPerSecond, Integer recipientsPerConnection) implements Serializable {

    public static final RelayLimits NONE = new RelayLimits(null, null);

    @Override
    public String toString() {
        return (messagesPerSecond == null ? "any rate" : messagesPerSecond + " messages/s") + ", "
                + (recipientsPerConnection == null ? "any recipients per connection"
                : recipientsPerConnection + " recipients per connection");
    }
}
