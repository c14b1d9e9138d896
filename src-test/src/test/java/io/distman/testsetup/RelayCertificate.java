package io.distman.testsetup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The TLS certificate of the test SMTP relay (GreenMail's SMTPS in RelayIT), made fresh every run with the
 * JDK's keytool: a self-signed RSA key for {@code localhost} and {@code 127.0.0.1} in {@code relay.p12}
 * (GreenMail reads it through {@code greenmail.tls.keystore.file}, see src-test/pom.xml), and its
 * certificate imported into the fresh domain's trust store {@code config/cacerts.jks}, as an installer
 * would import a private relay's CA. So the application checks the relay's certificate as in production:
 * nothing trusts all certificates. The certificate and its key are also written as PEM ({@code relay.crt},
 * {@code relay.key}) for the STARTTLS relay {@code src-test/tools/starttls-relay}.
 */
final class RelayCertificate {

    static final String PASSWORD = "changeit";

    private RelayCertificate() {
    }

    static void create(Path dir, Path domainTrustStore) throws IOException {
        Files.createDirectories(dir);
        Path keyStore = dir.resolve("relay.p12");
        Path certificate = dir.resolve("relay.crt");
        Path key = dir.resolve("relay.key");
        Files.deleteIfExists(keyStore);
        Files.deleteIfExists(certificate);
        Files.deleteIfExists(key);
        keytool("-genkeypair", "-alias", "relay", "-keyalg", "RSA", "-keysize", "2048", "-validity", "30",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-keystore", keyStore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD);
        keytool("-exportcert", "-rfc", "-alias", "relay", "-keystore", keyStore.toString(), "-storepass", PASSWORD,
                "-file", certificate.toString());
        keytool("-importcert", "-noprompt", "-alias", "distman-test-relay", "-file", certificate.toString(),
                "-keystore", domainTrustStore.toString(), "-storepass", PASSWORD);
        writePrivateKey(keyStore, key);
    }

    /** The key as unencrypted PKCS #8 PEM, which Python's ssl module reads (keytool cannot export a private key). */
    private static void writePrivateKey(Path keyStore, Path pem) throws IOException {
        try (InputStream in = Files.newInputStream(keyStore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, PASSWORD.toCharArray());
            Key key = store.getKey("relay", PASSWORD.toCharArray());
            String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded());
            Files.writeString(pem, "-----BEGIN PRIVATE KEY-----\n" + base64 + "\n-----END PRIVATE KEY-----\n",
                    StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read the relay's key from " + keyStore, e);
        }
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
