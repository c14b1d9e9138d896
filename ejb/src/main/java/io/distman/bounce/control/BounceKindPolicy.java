package io.distman.bounce.control;

import io.distman.bounce.boundary.FailureSeverity.Permanence;
import io.distman.bounce.boundary.FailureSeverity;
import io.distman.bounce.entity.BounceKind;
import io.distman.bounce.entity.Reason;

/**
 * Hard or soft, in Sisimai's sense: hard only when the address itself is known to be bad.
 * A full mailbox or a spam block says nothing about the address, even with a 5xx code.
 */
public final class BounceKindPolicy {

    private BounceKindPolicy() {
    }

    public static BounceKind kindOf(Reason reason, String status, String replyCode) {
        return switch (reason) {
            case DELIVERED -> BounceKind.DELIVERED;
            case FEEDBACK -> BounceKind.COMPLAINT;
            case VACATION -> BounceKind.AUTOREPLY;
            case USERUNKNOWN, HOSTUNKNOWN, HASMOVED -> BounceKind.HARD;
            // A server that refuses all mail may be down for maintenance when it says so with 4xx.
            case NOTACCEPT -> isTemporary(status, replyCode) ? BounceKind.SOFT : BounceKind.HARD;
            default -> BounceKind.SOFT;
        };
    }

    private static boolean isTemporary(String status, String replyCode) {
        Integer reply = replyCode == null || !replyCode.matches("\\d{3}") ? null : Integer.valueOf(replyCode);
        return FailureSeverity.permanence(status, reply) == Permanence.TEMPORARY;
    }
}
