package io.distman.feedback.control;

import io.distman.feedback.control.WebhookCredentials.Credential;
import io.distman.feedback.control.webhook.AmazonSesEventParser;
import io.distman.feedback.control.webhook.BasicAuthAuthenticator;
import io.distman.feedback.control.webhook.FreshnessCheck;
import io.distman.feedback.control.webhook.HttpsCertificateSource;
import io.distman.feedback.control.webhook.MailgunEventParser;
import io.distman.feedback.control.webhook.MailgunSignatureVerifier;
import io.distman.feedback.control.webhook.PostmarkEventParser;
import io.distman.feedback.control.webhook.ProviderEventParser;
import io.distman.feedback.control.webhook.ReplayGuard;
import io.distman.feedback.control.webhook.SendGridEventParser;
import io.distman.feedback.control.webhook.SendGridSignatureVerifier;
import io.distman.feedback.control.webhook.SnsSignatureVerifier;
import io.distman.feedback.entity.WebhookNotConfiguredException;
import io.distman.platform.boundary.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Builds each provider's parser with the right credentials: the account's own (set through
 * {@code AccountService}) when the request came to the account's URL and it has some, else the
 * installation's (system properties, see the README). A provider without credentials is refused: an
 * unauthenticated webhook is a way to forge bounces and unsubscribes.
 */
@ApplicationScoped
public class WebhookParsers {

    /** SNS retries an HTTP/S delivery for at most 3,600 s; five more minutes for clock skew. */
    static final Duration SNS_MAX_AGE = Duration.ofMinutes(65);

    /** The SNS signing certificates are few and fixed; one cached downloader for the installation. */
    private static final HttpsCertificateSource SNS_CERTIFICATES = new HttpsCertificateSource();

    @Inject
    WebhookCredentials credentials;

    @Inject
    Clock clock;

    /**
     * Mailgun, SendGrid and Postmark; SES has its own entry, {@link #ses}, for the SNS handshake.
     *
     * @param accountId the account whose URL was called, or {@code null} for the installation's URL
     * @param tokens    where Mailgun's one-time tokens go (claimed later, with the events)
     */
    public ProviderEventParser forProvider(String provider, Long accountId, ReplayGuard tokens) {
        Optional<Credential> own = own(accountId, provider);
        return switch (provider) {
            case "mailgun" -> new MailgunEventParser(new MailgunSignatureVerifier(
                    own.map(Credential::secret).orElseGet(() -> required("distman.webhook.mailgun.signingKey")),
                    freshness("distman.webhook.mailgun.maxAge", FreshnessCheck.DEFAULT_WINDOW), tokens));
            case "sendgrid" -> new SendGridEventParser(SendGridSignatureVerifier.fromBase64(
                    own.map(Credential::secret).orElseGet(() -> required("distman.webhook.sendgrid.publicKey")),
                    freshness("distman.webhook.sendgrid.maxAge", FreshnessCheck.DEFAULT_WINDOW)));
            case "postmark" -> new PostmarkEventParser(own
                    .map(c -> BasicAuthAuthenticator.ofDigest(HexFormat.of().parseHex(c.secret())))
                    .orElseGet(() -> new BasicAuthAuthenticator(required("distman.webhook.postmark.username"),
                            required("distman.webhook.postmark.password"))));
            default -> throw new IllegalArgumentException("unknown provider " + provider);
        };
    }

    /** Amazon SES through SNS: the account's or the installation's topics, and the SNS age limit. */
    public AmazonSesEventParser ses(Long accountId) {
        String topicArns = own(accountId, "amazon-ses").map(Credential::secret)
                .orElseGet(() -> required("distman.webhook.ses.topicArns"));
        Set<String> topics = Arrays.stream(topicArns.split(","))
                .map(String::strip).filter(t -> !t.isEmpty()).collect(Collectors.toUnmodifiableSet());
        return new AmazonSesEventParser(new SnsSignatureVerifier(SNS_CERTIFICATES, topics,
                freshness("distman.webhook.ses.maxAge", SNS_MAX_AGE)));
    }

    private Optional<Credential> own(Long accountId, String provider) {
        return accountId == null ? Optional.empty() : credentials.of(accountId, provider);
    }

    private FreshnessCheck freshness(String setting, Duration fallback) {
        return FreshnessCheck.of(clock, Settings.duration(setting, fallback));
    }

    private static String required(String setting) {
        String value = Settings.string(setting, null);
        if (value == null) {
            throw new WebhookNotConfiguredException("the webhook needs the setting " + setting);
        }
        return value;
    }
}
