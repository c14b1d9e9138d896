package io.distman.bounce.entity;

/**
 * What a returned message means for the address it names.
 *
 * <p>HARD / SOFT follow Sisimai's notion: HARD means the address itself is known to be bad and
 * should be suppressed; SOFT means delivery failed or was delayed for a reason that does not
 * condemn the address. Whether a failure was permanent or temporary is a separate question
 * answered by the first digit of the status code.
 */
public enum BounceKind {
    HARD("hard"),
    SOFT("soft"),
    COMPLAINT("complaint"),
    AUTOREPLY("autoreply"),
    DELIVERED("delivered"),
    /** Not a bounce, complaint or auto-reply at all. */
    UNKNOWN("unknown");

    private final String label;

    BounceKind(String label) {
        this.label = label;
    }

    /** The lower-case word used in reports and exchanged with other systems. */
    public String label() {
        return label;
    }
}
