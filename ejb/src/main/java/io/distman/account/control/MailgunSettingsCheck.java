package io.distman.account.control;

import io.distman.account.entity.InvalidSettingsException;
import io.distman.account.entity.MailgunRegion;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks Mailgun settings before any is stored, so a typo is an error for the admin now rather than a
 * queue of temporary failures later. The domain goes into a URL path and the key into a header, so
 * both are held to plain characters.
 */
public final class MailgunSettingsCheck {

    private static final Pattern HOST_NAME = Pattern.compile("(?i)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+");
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,200}");

    private MailgunSettingsCheck() {
    }

    public static String apiKey(String apiKey) {
        if (apiKey == null || !KEY.matcher(apiKey.strip()).matches()) {
            throw new InvalidSettingsException("mailgun.apiKey", "Mailgun API key: required, 1 to 200 printable ASCII characters without spaces");
        }
        return apiKey.strip();
    }

    public static String domain(String domain) {
        if (domain == null || domain.strip().length() > 253 || !HOST_NAME.matcher(domain.strip()).matches()) {
            throw new InvalidSettingsException("mailgun.domain", "Mailgun sending domain: required, a host name such as mg.example.com, not '"
                    + domain + "'");
        }
        return domain.strip().toLowerCase(Locale.ROOT);
    }

    public static MailgunRegion region(MailgunRegion region) {
        if (region == null) {
            throw new InvalidSettingsException("mailgun.region", "Mailgun region: required, US or EU");
        }
        return region;
    }

    /** @return the URL without a trailing slash, or null to use the region's */
    public static URI baseUrl(String baseUrl) {
        if (baseUrl == null || baseUrl.isBlank()) {
            return null;
        }
        URI uri;
        try {
            uri = new URI(baseUrl.strip());
        } catch (URISyntaxException e) {
            throw new InvalidSettingsException("mailgun.baseUrl", "Mailgun base URL: not a URL: " + e.getMessage());
        }
        if (!("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme())) || uri.getHost() == null
                || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new InvalidSettingsException("mailgun.baseUrl", "Mailgun base URL: an http(s) URL with a host and no query, user or fragment, not '"
                    + baseUrl + "'");
        }
        String text = uri.toString();
        return URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    }
}
