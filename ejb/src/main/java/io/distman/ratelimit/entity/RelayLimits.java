package io.distman.ratelimit.entity;

import java.io.Serializable;

/**
 * What an account's relay or provider takes: messages per second and connections open at once (both across all
 * instances), recipients per connection (then a new connection); null is no limit.
 */
public record RelayLimits(Integer messagesPerSecond, Integer maxConnections, Integer recipientsPerConnection)
        implements Serializable {

    public static final RelayLimits NONE = new RelayLimits(null, null, null);

    @Override
    public String toString() {
        return (messagesPerSecond == null ? "any rate" : messagesPerSecond + " messages/s") + ", "
                + (maxConnections == null ? "any connections" : "at most " + maxConnections + " connections") + ", "
                + (recipientsPerConnection == null ? "any recipients per connection"
                : recipientsPerConnection + " recipients per connection");
    }
}
