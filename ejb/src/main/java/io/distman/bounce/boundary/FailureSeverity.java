package io.distman.bounce.boundary;

/**
 * The one judgement of how bad a failure is, read from the codes (RFC 3463 enhanced status first, then the
 * RFC 5321 reply class), never from vendor wording. Dispatch, bounce intake, provider events and the
 * suppression policy all ask here, so a code means the same wherever it was reported.
 */
public final class FailureSeverity {

    /** What the codes say about trying again. */
    public enum Permanence {
        /** 4.x.x or 4yz: the same message may succeed later. */
        TEMPORARY,
        /** 5.x.x or 5yz: it will not. */
        PERMANENT,
        /** No code at all (a dropped connection, a code-less report): the caller decides with what it knows. */
        UNKNOWN
    }

    private FailureSeverity() {
    }

    /**
     * The enhanced code's class decides when there is one, since it is the more specific statement (a DSN's
     * Status field, or the code a server put after its reply code); the reply code's class otherwise.
     */
    public static Permanence permanence(String enhancedCode, Integer replyCode) {
        String enhanced = enhancedCode == null ? "" : enhancedCode.strip();
        if (enhanced.startsWith("4.")) {
            return Permanence.TEMPORARY;
        }
        if (enhanced.startsWith("5.")) {
            return Permanence.PERMANENT;
        }
        if (replyCode != null && replyCode / 100 == 4) {
            return Permanence.TEMPORARY;
        }
        if (replyCode != null && replyCode / 100 == 5) {
            return Permanence.PERMANENT;
        }
        return Permanence.UNKNOWN;
    }

    /**
     * Does a permanent failure condemn the address itself? 5.1.x (bad mailbox, bad domain, bad syntax,
     * moved), 5.2.1 (mailbox disabled) and 5.4.4 (no route to the domain) do; a full mailbox (5.2.2),
     * policy and spam blocks (5.7.x), content (5.6.x) and failures without a code do not, and count as soft.
     */
    public static boolean condemnsAddress(String enhancedCode) {
        if (enhancedCode == null) {
            return false;
        }
        String code = enhancedCode.strip();
        return code.startsWith("5.1.") || code.equals("5.2.1") || code.equals("5.4.4");
    }
}
