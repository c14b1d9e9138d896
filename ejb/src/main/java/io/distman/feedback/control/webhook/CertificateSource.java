package io.distman.feedback.control.webhook;

import java.io.IOException;
import java.net.URI;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

/** Supplies the certificate SNS signed with. Injectable because tests cannot reach AWS. */
@FunctionalInterface
public interface CertificateSource {

    /**
     * @param signingCertUrl already checked by {@link SnsUrlPolicy#signingCertificateUrl}
     * @throws IOException          the certificate could not be fetched (worth a retry)
     * @throws CertificateException what was fetched is not a certificate
     */
    X509Certificate certificate(URI signingCertUrl) throws IOException, CertificateException;
}
