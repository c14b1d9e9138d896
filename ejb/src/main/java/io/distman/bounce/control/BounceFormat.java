package io.distman.bounce.control;

import java.util.List;

/**
 * One way a returned message can be laid out (RFC 3464, ARF, an MTA's own prose...). Each
 * format recognises its own messages and extracts per-recipient facts; the classifier asks
 * the formats in order and takes the first non-empty answer.
 */
public interface BounceFormat {

    /** Short name reported in {@link io.distman.bounce.entity.BounceReport#format()}. */
    String name();

    /** Facts per recipient, or an empty list when the message is not in this format. */
    List<DeliveryFacts> decode(ParsedMail mail, ReturnedMessage returned);
}
