package io.distman.feedback.control.webhook;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.security.cert.CertificateException;

import static org.junit.jupiter.api.Assertions.assertThrows;

class HttpsCertificateSourceTest {

    @Test
    void refusesToFetchFromHostsOtherThanSns() {
        HttpsCertificateSource source = new HttpsCertificateSource();
        // Fails before any connection is attempted, so this needs no network.
        assertThrows(CertificateException.class, () -> source.certificate(URI.create("https://127.0.0.1/x.pem")));
        assertThrows(CertificateException.class,
                () -> source.certificate(URI.create("http://sns.us-east-1.amazonaws.com/x.pem")));
    }
}
