package io.distman.bounce.entity;

/**
 * The machine-readable parts of an SMTP reply.
 *
 * @param code         basic reply code (e.g. 550), or {@code null}
 * @param enhancedCode RFC 3463 enhanced status (e.g. {@code 5.1.1}), or {@code null}
 */
public record SmtpStatus(Integer code, String enhancedCode) {

    public static final SmtpStatus NONE = new SmtpStatus(null, null);

    /** Prefers values the provider supplied in dedicated fields over ones parsed from text. */
    public SmtpStatus orElse(SmtpStatus fallback) {
        return new SmtpStatus(code != null ? code : fallback.code,
                enhancedCode != null ? enhancedCode : fallback.enhancedCode);
    }
}
