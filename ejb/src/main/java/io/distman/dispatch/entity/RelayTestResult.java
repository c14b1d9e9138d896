package io.distman.dispatch.entity;

/**
 * What testing an SMTP relay found: reachable with TLS and AUTH as configured, or the step that failed
 * ({@code failedAt}) and why, in words an admin can act on. Never carries the password.
 */
public record RelayTestResult(boolean ok, RelayStage failedAt, String message) {

    public static RelayTestResult passed(String message) {
        return new RelayTestResult(true, null, message);
    }

    public static RelayTestResult failed(RelayStage stage, String message) {
        return new RelayTestResult(false, stage, message);
    }
}
