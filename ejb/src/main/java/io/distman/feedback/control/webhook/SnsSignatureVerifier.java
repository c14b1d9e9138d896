package io.distman.feedback.control.webhook;

import static io.distman.feedback.control.webhook.JsonFields.text;

import io.distman.feedback.entity.WebhookRejectedException;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Base64;
import java.util.Date;
import java.util.Objects;
import java.util.Set;

/**
 * Verifies Amazon SNS message signatures (SignatureVersion 1: SHA1withRSA, 2: SHA256withRSA) with
 * the certificate named by SigningCertURL, after making sure that URL points at SNS itself, and
 * refuses messages whose (signed) Timestamp is too old: a captured notification cannot be replayed
 * for ever. SNS retries an HTTP/S delivery for at most 3,600 s, so a retry is never older than that.
 */
public final class SnsSignatureVerifier implements SnsMessageVerifier {

    private final CertificateSource certificates;
    private final Set<String> allowedTopicArns;
    private final Clock clock;
    private final FreshnessCheck maxAge;

    /**
     * @param allowedTopicArns topics we subscribed to; empty accepts any topic. A valid signature only
     *                         proves that SNS sent the message, not that it is one of our topics.
     * @param maxAge           how far the message's Timestamp may be from now ({@link FreshnessCheck#disabled}
     *                         only for replaying archived notifications)
     */
    public SnsSignatureVerifier(CertificateSource certificates, Set<String> allowedTopicArns, FreshnessCheck maxAge) {
        this.certificates = Objects.requireNonNull(certificates, "certificates");
        this.allowedTopicArns = Set.copyOf(allowedTopicArns);
        this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
        this.clock = maxAge.clock();
    }

    @Override
    public boolean acceptsUnsigned() {
        return false;
    }

    /**
     * @throws UncheckedIOException the certificate could not be fetched; the endpoint should answer
     *                              5xx so that SNS retries, rather than 4xx
     */
    @Override
    public void verify(JsonObject envelope) throws WebhookRejectedException {
        String topicArn = text(envelope, "TopicArn");
        if (!allowedTopicArns.isEmpty() && !allowedTopicArns.contains(topicArn)) {
            throw new WebhookRejectedException("SNS topic not accepted: " + topicArn);
        }
        String algorithm = switch (String.valueOf(text(envelope, "SignatureVersion"))) {
            case "1" -> "SHA1withRSA";
            case "2" -> "SHA256withRSA";
            default -> throw new WebhookRejectedException(
                    "unsupported SNS SignatureVersion: " + text(envelope, "SignatureVersion"));
        };
        String signature = text(envelope, "Signature");
        if (signature == null) {
            throw new WebhookRejectedException("SNS message without Signature");
        }
        byte[] signatureBytes;
        try {
            signatureBytes = Base64.getDecoder().decode(signature.strip());
        } catch (IllegalArgumentException e) {
            throw new WebhookRejectedException("SNS Signature is not Base64", e);
        }
        String stringToSign = SnsStringToSign.of(envelope);
        URI certUrl = SnsUrlPolicy.signingCertificateUrl(text(envelope, "SigningCertURL"));
        X509Certificate certificate = certificate(certUrl);

        boolean valid;
        try {
            certificate.checkValidity(Date.from(clock.instant()));
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(stringToSign.getBytes(StandardCharsets.UTF_8));
            valid = verifier.verify(signatureBytes);
        } catch (GeneralSecurityException e) {
            throw new WebhookRejectedException("SNS signature could not be checked: " + e.getMessage(), e);
        }
        if (!valid) {
            throw new WebhookRejectedException("SNS signature does not match");
        }
        // Judged after the signature, so the Timestamp is one SNS vouched for.
        maxAge.check(Timestamps.fromIso(text(envelope, "Timestamp")));
    }

    private X509Certificate certificate(URI url) throws WebhookRejectedException {
        try {
            return certificates.certificate(url);
        } catch (CertificateException e) {
            throw new WebhookRejectedException("SNS signing certificate unusable: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("SNS signing certificate unavailable: " + url, e);
        }
    }
}
