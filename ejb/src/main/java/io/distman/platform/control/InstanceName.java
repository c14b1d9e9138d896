package io.distman.platform.control;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Who holds a schedule lease: this server process, readably (host and GlassFish domain, or
 * {@code distman.instance.name}) and uniquely (a random part per start: two domains of one host, or a restarted
 * server, are other holders, so a restart never mistakes its predecessor's lease for its own).
 */
public final class InstanceName {

    private static final String NAME = readable() + "#" + UUID.randomUUID().toString().substring(0, 8);

    private InstanceName() {
    }

    public static String get() {
        return NAME;
    }

    private static String readable() {
        String configured = System.getProperty("distman.instance.name");
        if (configured != null && !configured.isBlank()) {
            return cut(configured.strip());
        }
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        String root = System.getProperty("com.sun.aas.instanceRoot");
        Path domain = root == null ? null : Path.of(root).getFileName();
        return cut(domain == null ? host : host + "/" + domain);
    }

    private static String cut(String name) {
        return name.length() > 150 ? name.substring(0, 150) : name;
    }
}
