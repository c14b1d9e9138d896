package io.distman.feedback.control.webhook;

import io.distman.feedback.entity.WebhookRejectedException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Downloads SNS signing certificates over https and keeps them: SNS uses a handful of certificates
 * for months, and fetching one per notification would tie our throughput to AWS's latency.
 */
public final class HttpsCertificateSource implements CertificateSource {

    private static final int MAX_CACHED = 32;

    private final HttpClient client;
    private final Map<URI, X509Certificate> cache = new ConcurrentHashMap<>();

    public HttpsCertificateSource() {
        this(HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                // A redirect could lead off the host SnsUrlPolicy approved.
                .followRedirects(HttpClient.Redirect.NEVER)
                .build());
    }

    public HttpsCertificateSource(HttpClient client) {
        this.client = client;
    }

    @Override
    public X509Certificate certificate(URI signingCertUrl) throws IOException, CertificateException {
        X509Certificate cached = cache.get(signingCertUrl);
        if (cached != null) {
            return cached;
        }
        try {
            SnsUrlPolicy.signingCertificateUrl(signingCertUrl.toString());
        } catch (WebhookRejectedException e) {
            throw new CertificateException(e.getMessage(), e);
        }
        X509Certificate certificate = download(signingCertUrl);
        if (cache.size() >= MAX_CACHED) {
            // Only reachable if SNS rotates unusually often or URLs vary; start over rather than grow.
            cache.clear();
        }
        cache.put(signingCertUrl, certificate);
        return certificate;
    }

    private X509Certificate download(URI url) throws IOException, CertificateException {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10)).GET().build();
        HttpResponse<byte[]> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching " + url, e);
        }
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode() + " fetching " + url);
        }
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        return (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(response.body()));
    }
}
