package io.distman.feedback.control.webhook;

/**
 * Reads back our delivery id from provider metadata. Metadata is echoed as text by most providers,
 * and may have been set by someone else; a value we cannot read is dropped, not fatal.
 */
final class DeliveryIds {

    private DeliveryIds() {
    }

    static Long parse(String value) {
        if (value == null) {
            return null;
        }
        try {
            long id = Long.parseLong(value.strip());
            return id > 0 ? id : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
