package io.distman.testsetup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The TLS certificate of the test SMTP relay (GreenMail's SMTPS in RelayIT), made fresh every run with the
 * JDK's keytool: a self-signed RSA key for {@code localhost} and {@code 127.0.0.1} in {@code relay.p12}
 * (GreenMail reads it through {@code greenmail.tls.keystore.file}, see src-test/pom.xml), and its
 * certificate imported into the fresh domain's trust store {@code config/cacerts.jks}, as an installer
 * would import a private relay's CA. So the application checks the relay's certificate as in production:
 * nothing trusts all certificates.
 */
final class RelayCertificate {

    static final String PASSWORD = "changeit";

    private RelayCertificate() {
    }

    static void create(Path dir, Path domainTrustStore) throws IOException {
        Files.createDirectories(dir);
        Path keyStore = dir.resolve("relay.p12");
        Path certificate = dir.resolve("relay.crt");
        Files.deleteIfExists(keyStore);
        Files.deleteIfExists(certificate);
        keytool("-genkeypair", "-alias", "relay", "-keyalg", "RSA", "-keysize", "2048", "-validity", "30",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-keystore", keyStore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD);
        keytool("-exportcert", "-rfc", "-alias", "relay", "-keystore", keyStore.toString(), "-storepass", PASSWORD,
                "-file", certificate.toString());
        keytool("-importcert", "-noprompt", "-alias", "distman-test-relay", "-file", certificate.toString(),
                "-keystore", domainTrustStore.toString(), "-storepass", PASSWORD);
    }

    private static void keytool(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        try {
            if (process.waitFor() != 0) {
                throw new IOException("keytool " + args[0] + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted running keytool", e);
        }
    }
}
