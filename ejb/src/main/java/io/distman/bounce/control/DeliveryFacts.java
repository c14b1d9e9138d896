package io.distman.bounce.control;

/**
 * What a decoder learnt about one recipient before the reason is decided. Mutable on purpose:
 * decoders fill in what their format offers, later stages complete the rest.
 */
public final class DeliveryFacts {
    String recipient = "";
    String action = "";
    String status = "";
    String diagnosticType = "";
    String diagnostic = "";
    String replyCode = "";
    String command = "";
    String remoteMta = "";
    /** Host of the MTA that wrote the bounce (oldest Received of the bounce), for provider rules. */
    String reportingHost = "";
    /** A reason the decoder already knows from its format (e.g. ARF, vacation); may be empty. */
    String reason = "";

    public DeliveryFacts() {
    }

    public DeliveryFacts(String recipient) {
        this.recipient = recipient == null ? "" : recipient;
    }

    public String recipient() {
        return recipient;
    }

    public String action() {
        return action;
    }

    public String status() {
        return status;
    }

    public String diagnostic() {
        return diagnostic;
    }

    public String diagnosticType() {
        return diagnosticType;
    }

    public String remoteMta() {
        return remoteMta;
    }

    public String reason() {
        return reason;
    }

    public String replyCode() {
        return replyCode;
    }

    public String command() {
        return command;
    }

    DeliveryFacts appendDiagnostic(String more) {
        if (more == null || more.isBlank()) {
            return this;
        }
        diagnostic = diagnostic.isEmpty() ? more.trim() : diagnostic + " " + more.trim();
        return this;
    }

    @Override
    public String toString() {
        return recipient + " action=" + action + " status=" + status + " reply=" + replyCode
                + " cmd=" + command + " reason=" + reason + " diag=" + diagnostic;
    }
}
