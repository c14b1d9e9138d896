package io.distman.feedback.control.webhook;

import io.distman.feedback.entity.WebhookRejectedException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Only URLs on Amazon SNS's own https hosts may be fetched or handed to the endpoint. Both URLs come
 * from the request body: without this check, anyone could make us fetch a certificate they signed
 * with, or make the endpoint call an address of their choosing.
 */
public final class SnsUrlPolicy {

    private static final Pattern SNS_HOST = Pattern.compile("sns\\.[a-z0-9-]+\\.amazonaws\\.com(\\.cn)?");

    private SnsUrlPolicy() {
    }

    public static URI signingCertificateUrl(String url) throws WebhookRejectedException {
        URI uri = snsUri(url, "SigningCertURL");
        if (uri.getRawPath() == null || !uri.getRawPath().endsWith(".pem")
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new WebhookRejectedException("SigningCertURL is not a .pem file: " + url);
        }
        return uri;
    }

    public static URI subscribeUrl(String url) throws WebhookRejectedException {
        return snsUri(url, "SubscribeURL");
    }

    private static URI snsUri(String url, String field) throws WebhookRejectedException {
        if (url == null) {
            throw new WebhookRejectedException("missing " + field);
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new WebhookRejectedException(field + " is not a URL", e);
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (!"https".equalsIgnoreCase(uri.getScheme()) || !SNS_HOST.matcher(host).matches()
                || uri.getRawUserInfo() != null || (uri.getPort() != -1 && uri.getPort() != 443)) {
            throw new WebhookRejectedException(field + " is not an https URL on an Amazon SNS host: " + url);
        }
        return uri;
    }
}
