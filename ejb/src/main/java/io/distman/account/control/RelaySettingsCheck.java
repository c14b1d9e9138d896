package io.distman.account.control;

import io.distman.account.entity.InvalidSettingsException;
import io.distman.account.entity.RelaySecurity;
import io.distman.account.entity.RelaySettings;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks an account's SMTP relay before anything is stored, naming the field at fault. A relay without
 * encryption is refused unless it is on the loopback interface, judged by the name as entered (a DNS
 * answer could change later): {@code localhost}, {@code 127.x.x.x} or {@code ::1}.
 */
public final class RelaySettingsCheck {

    private static final Pattern HOST_NAME = Pattern.compile(
            "(?i)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");
    private static final Pattern IPV6 = Pattern.compile("(?i)[0-9a-f:.]*:[0-9a-f:.]*");
    private static final Pattern LOOPBACK_V4 = Pattern.compile("127(\\.\\d{1,3}){3}");
    private static final Pattern USER = Pattern.compile("[\\x21-\\x7e]{1,200}");
    private static final int MAX_PASSWORD = 500;

    /** The settings to store: host lower-cased, user and password checked; password may stay null (keep). */
    public record Checked(String host, int port, RelaySecurity security, String username, String password) {
    }

    private RelaySettingsCheck() {
    }

    public static Checked check(RelaySettings settings) {
        if (settings == null) {
            throw new InvalidSettingsException("relay", "SMTP relay: settings required");
        }
        String host = host(settings.host());
        int port = port(settings.port());
        RelaySecurity security = settings.security();
        if (security == null) {
            throw new InvalidSettingsException("relay.security", "SMTP relay security: required, STARTTLS, TLS or NONE");
        }
        if (security == RelaySecurity.NONE && !isLoopback(host)) {
            throw new InvalidSettingsException("relay.security", "SMTP relay security: NONE (no encryption) only for a relay on this machine"
                    + " (localhost, 127.0.0.1, ::1); " + host + " needs STARTTLS or TLS");
        }
        String user = settings.username() == null || settings.username().isBlank() ? null : settings.username().strip();
        if (user != null && !USER.matcher(user).matches()) {
            throw new InvalidSettingsException("relay.username", "SMTP relay user name: 1 to 200 printable ASCII characters without spaces");
        }
        String password = settings.password();
        if (password != null && (password.isEmpty() || password.length() > MAX_PASSWORD
                || password.indexOf('\r') >= 0 || password.indexOf('\n') >= 0)) {
            throw new InvalidSettingsException("relay.password", "SMTP relay password: 1 to 500 characters, no line breaks");
        }
        if (user == null && password != null) {
            throw new InvalidSettingsException("relay.password", "SMTP relay password: given without a user name");
        }
        return new Checked(host, port, security, user, password);
    }

    public static boolean isLoopback(String host) {
        return host.equals("localhost") || host.equals("::1") || host.equals("[::1]") || LOOPBACK_V4.matcher(host).matches();
    }

    private static String host(String host) {
        String h = host == null ? "" : host.strip().toLowerCase(Locale.ROOT);
        if (h.isEmpty() || h.length() > 253 || !(HOST_NAME.matcher(h).matches() || IPV6.matcher(h).matches())) {
            throw new InvalidSettingsException("relay.host", "SMTP relay host: required, a host name or IP address such as"
                    + " smtp.example.com, not '" + (h.length() > 253 ? h.substring(0, 253) + "…" : h) + "'");
        }
        return h;
    }

    private static int port(Integer port) {
        if (port == null || port < 1 || port > 65535) {
            throw new InvalidSettingsException("relay.port", "SMTP relay port: required, 1 to 65535 (usually 587 for STARTTLS, 465 for TLS)");
        }
        return port;
    }
}
