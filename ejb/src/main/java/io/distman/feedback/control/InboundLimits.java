package io.distman.feedback.control;

import io.distman.platform.boundary.Settings;
import java.time.Duration;

/**
 * Bounds on mail that anyone can send to the bounce domain: its size (the bounce pipe answers 413 above it,
 * the mailbox job keeps such a message as unreadable without reading it) and the time one message may take
 * to record before the mailbox job gives up on it and moves on.
 */
public final class InboundLimits {

    public static final String MAX_MESSAGE_BYTES = "distman.inbound.maxMessageBytes";
    public static final String RECORD_TIMEOUT = "distman.inbound.recordTimeout";

    private InboundLimits() {
    }

    /** Default 10 MiB: the size limit of most receiving MTAs, well above any real bounce. */
    public static long maxMessageBytes() {
        return Settings.longValue(MAX_MESSAGE_BYTES, 10L * 1024 * 1024);
    }

    /** Default one minute: a message at the size cap classifies in seconds. */
    public static Duration recordTimeout() {
        return Settings.duration(RECORD_TIMEOUT, Duration.ofMinutes(1));
    }

    /** The reason kept with a message refused for its size. */
    public static String tooLarge(long size) {
        return "refused unread: " + size + " bytes is over the inbound mail size cap of " + maxMessageBytes()
                + " bytes (" + MAX_MESSAGE_BYTES + ")";
    }
}
