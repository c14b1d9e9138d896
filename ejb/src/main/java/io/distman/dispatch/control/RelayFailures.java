package io.distman.dispatch.control;

import io.distman.dispatch.entity.RelayStage;
import io.distman.dispatch.entity.RelayTestResult;
import jakarta.mail.AuthenticationFailedException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLException;

/**
 * Names the step at which reaching a relay failed, from what Jakarta Mail threw: one reading for the
 * "test connection" action and for dispatch's connect failures, so both say the same.
 */
final class RelayFailures {

    /** Angus Mail's words when STARTTLS is required and the server does not offer it. */
    private static final String NO_STARTTLS = "does not support STARTTLS";

    private RelayFailures() {
    }

    static RelayTestResult classify(Throwable e, String host, int port, String username) {
        String where = host + ":" + port;
        String detail = SmtpTransport.describe(e);
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof AuthenticationFailedException) {
                return RelayTestResult.failed(RelayStage.AUTH, "The relay " + where + " refused AUTH as " + username
                        + " (wrong user name or password?): " + detail);
            }
            if (t instanceof UnknownHostException) {
                return RelayTestResult.failed(RelayStage.DNS, "The relay's host name " + host + " does not resolve: " + detail);
            }
            if (t instanceof SSLException || t instanceof CertificateException
                    || t.getMessage() != null && t.getMessage().contains(NO_STARTTLS)) {
                return RelayTestResult.failed(RelayStage.TLS, "TLS with the relay " + where + " failed (not offered,"
                        + " refused, or a certificate that is not trusted or not for " + host + "): " + detail);
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException
                    || t instanceof SocketTimeoutException) {
                return RelayTestResult.failed(RelayStage.CONNECT, "No connection to the relay " + where
                        + " (refused, unreachable or no answer in time): " + detail);
            }
        }
        return RelayTestResult.failed(RelayStage.SMTP, "The relay " + where + " did not accept the SMTP session: " + detail);
    }
}
