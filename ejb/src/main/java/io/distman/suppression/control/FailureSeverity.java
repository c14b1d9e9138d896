package io.distman.suppression.control;

/**
 * Does a permanent failure condemn the address itself? Decided by the RFC 3463 code, not by vendor
 * labels: 5.1.x (bad mailbox, bad domain, bad syntax, moved), 5.2.1 (mailbox disabled) and 5.4.4
 * (no route to the domain) do; a full mailbox (5.2.2), policy and spam blocks (5.7.x), content
 * (5.6.x) and failures without a code do not, and count as soft.
 */
public final class FailureSeverity {

    private FailureSeverity() {
    }

    public static boolean condemnsAddress(String enhancedCode) {
        if (enhancedCode == null) {
            return false;
        }
        String code = enhancedCode.strip();
        return code.startsWith("5.1.") || code.equals("5.2.1") || code.equals("5.4.4");
    }
}
