package io.distman.tracking.entity;

import io.distman.message.entity.Category;
import java.io.Serializable;

/**
 * Whether mail of one account and category carries an open pixel and click-tracking links.
 *
 * <p>Defaults, for an account that chose nothing: BULK tracks opens and clicks (mailings, whose
 * recipients subscribed to them); ESSENTIAL tracks opens only, because "was the rent demand seen?"
 * matters to credit control, while rewriting the payment or legal links of such letters through a
 * redirect makes them look like phishing and ties them to this server being up; TRANSACTIONAL tracks
 * nothing (receipts and ticket updates are owed to the recipient, not measured).
 */
public record TrackingChoice(boolean opens, boolean clicks) implements Serializable {

    public static final TrackingChoice NONE = new TrackingChoice(false, false);

    public static TrackingChoice byDefault(Category category) {
        return switch (category) {
            case BULK -> new TrackingChoice(true, true);
            case ESSENTIAL -> new TrackingChoice(true, false);
            case TRANSACTIONAL -> NONE;
        };
    }

    public boolean any() {
        return opens || clicks;
    }
}
