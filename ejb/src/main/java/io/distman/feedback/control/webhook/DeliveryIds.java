package io.distman.feedback.control.webhook;

import io.distman.tracking.boundary.DeliveryTokens;

/**
 * Reads back our delivery token from provider metadata. Metadata is echoed as text by most providers,
 * and may have been set by someone else: it is kept as given (the recorder checks its signature), and a
 * value that names no delivery at all is dropped, not fatal.
 */
final class DeliveryIds {

    private DeliveryIds() {
    }

    static String token(String value) {
        return DeliveryTokens.deliveryId(value).isPresent() ? value.strip() : null;
    }
}
