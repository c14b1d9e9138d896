package io.distman.feedback.control.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away RSA key and self-signed certificate standing in for Amazon SNS's. The JDK has no
 * public API that writes certificates, so the JDK's own keytool makes them.
 */
record TestKeys(PrivateKey privateKey, X509Certificate certificate) {

    private static final String PASSWORD = "changeit";

    static TestKeys generate(Path dir) throws IOException, InterruptedException, GeneralSecurityException {
        Path store = dir.resolve("sns-test.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", "sns",
                "-keyalg", "RSA", "-keysize", "2048", "-sigalg", "SHA256withRSA",
                "-dname", "CN=sns.amazonaws.com", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", PASSWORD, "-keypass", PASSWORD))
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keyStore.load(in, PASSWORD.toCharArray());
        }
        return new TestKeys((PrivateKey) keyStore.getKey("sns", PASSWORD.toCharArray()),
                (X509Certificate) keyStore.getCertificate("sns"));
    }
}
