package io.distman.ratelimit.entity;

import java.time.Instant;

/** What a receiver answered for one delivery, as far as the limits care: is it asking us to slow down? */
public record SmtpReply(long deliveryId, Integer code, String enhancedCode, String text, Instant at) {
}
