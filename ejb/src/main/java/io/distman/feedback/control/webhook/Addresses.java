package io.distman.feedback.control.webhook;

/** Pulls the bare address out of header-style values such as {@code "Joan <joan@example.org>"}. */
final class Addresses {

    private Addresses() {
    }

    /** The address of a single mailbox, or {@code null} if the value holds none or several. */
    static String single(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String candidate = value.strip();
        int open = candidate.lastIndexOf('<');
        int close = candidate.lastIndexOf('>');
        if (open >= 0 && close > open) {
            candidate = candidate.substring(open + 1, close).strip();
        }
        // Several recipients in one header: we cannot tell which one the event is about.
        if (candidate.indexOf('@') < 0 || candidate.indexOf('@') != candidate.lastIndexOf('@')
                || candidate.indexOf(',') >= 0) {
            return null;
        }
        return candidate;
    }
}
