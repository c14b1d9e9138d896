package io.distman.bounce.control;

import java.util.Locale;

/**
 * Completes a recipient's facts from its diagnostic text: the status code and reply code
 * quoted by the remote server, and the SMTP command that was rejected.
 */
final class DiagnosticDetails {

    private DiagnosticDetails() {
    }

    static void complete(DeliveryFacts f) {
        f.diagnostic = TextBounceFormat.oneLine(f.diagnostic);
        if (f.replyCode.isEmpty()) {
            f.replyCode = StatusCodes.findReply(f.diagnostic);
        }
        String inMessage = StatusCodes.find(f.diagnostic, f.status);
        f.status = StatusCodes.prefer(f.status, inMessage, f.replyCode);
        if (f.command.isEmpty()) {
            f.command = SmtpCommands.detect(f.diagnostic);
        }
        if (f.command.isEmpty()) {
            f.command = SmtpCommands.mentioned(f.diagnostic);
        }
        GmailStates.complete(f);
        if (f.reason.isEmpty()) {
            io.distman.bounce.entity.Reason coded = ExchangeErrorCodes.reasonOf(f.diagnostic);
            if (coded == null && namesNoReason(f.status)) {
                // An MTA's fixed sentence is evidence, but an explicit RFC 3463 code that names a
                // reason of its own is stronger (code first).
                coded = MtaPhrases.reasonOf(f.diagnostic);
            }
            f.reason = coded == null ? "" : coded.label();
        }
        if (f.diagnosticType.isEmpty() && !f.replyCode.isEmpty()) {
            f.diagnosticType = "SMTP";
        }
        if (f.action.isEmpty() && !f.status.isEmpty()) {
            f.action = switch (f.status.charAt(0)) {
                case '2' -> "delivered";
                case '4' -> "delayed";
                default -> "failed";
            };
        }
        f.action = f.action.toLowerCase(Locale.ROOT);
    }

    /** True when the status code is absent or too vague to name a reason by itself. */
    private static boolean namesNoReason(String status) {
        return StatusReasons.of(status).map(io.distman.bounce.entity.Reason::isTentative).orElse(true);
    }
}
