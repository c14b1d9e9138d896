package io.distman.feedback.control;

import io.distman.feedback.control.webhook.AmazonSesEventParser;
import io.distman.feedback.control.webhook.BasicAuthAuthenticator;
import io.distman.feedback.control.webhook.FreshnessCheck;
import io.distman.feedback.control.webhook.HttpsCertificateSource;
import io.distman.feedback.control.webhook.MailgunEventParser;
import io.distman.feedback.control.webhook.MailgunSignatureVerifier;
import io.distman.feedback.control.webhook.PostmarkEventParser;
import io.distman.feedback.control.webhook.ProviderEventParser;
import io.distman.feedback.control.webhook.SendGridEventParser;
import io.distman.feedback.control.webhook.SendGridSignatureVerifier;
import io.distman.feedback.control.webhook.SnsSignatureVerifier;
import io.distman.feedback.entity.WebhookNotConfiguredException;
import io.distman.platform.control.Settings;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Builds each provider's parser with the installation's credentials (system properties, see the
 * README). A provider without credentials is refused: an unauthenticated webhook is a way to forge
 * bounces and unsubscribes.
 */
public final class WebhookParsers {

    /** The SNS signing certificates are few and fixed; one cached downloader for the installation. */
    private static final HttpsCertificateSource SNS_CERTIFICATES = new HttpsCertificateSource();

    private WebhookParsers() {
    }

    /** Mailgun, SendGrid and Postmark; SES has its own entry, {@link #ses}, for the SNS handshake. */
    public static ProviderEventParser forProvider(String provider, EntityManager em, Clock clock) {
        return switch (provider) {
            case "mailgun" -> new MailgunEventParser(new MailgunSignatureVerifier(required("distman.webhook.mailgun.signingKey"),
                    FreshnessCheck.of(clock, Settings.duration("distman.webhook.mailgun.maxAge", FreshnessCheck.DEFAULT_WINDOW)),
                    new DatabaseReplayGuard(em, provider, clock)));
            case "sendgrid" -> new SendGridEventParser(SendGridSignatureVerifier.fromBase64(
                    required("distman.webhook.sendgrid.publicKey"),
                    FreshnessCheck.of(clock, Settings.duration("distman.webhook.sendgrid.maxAge", FreshnessCheck.DEFAULT_WINDOW))));
            case "postmark" -> new PostmarkEventParser(new BasicAuthAuthenticator(
                    required("distman.webhook.postmark.username"), required("distman.webhook.postmark.password")));
            default -> throw new IllegalArgumentException("unknown provider " + provider);
        };
    }

    public static AmazonSesEventParser ses(Clock clock) {
        Set<String> topics = Arrays.stream(required("distman.webhook.ses.topicArns").split(","))
                .map(String::strip).filter(t -> !t.isEmpty()).collect(Collectors.toUnmodifiableSet());
        return new AmazonSesEventParser(new SnsSignatureVerifier(SNS_CERTIFICATES, topics, clock));
    }

    private static String required(String setting) {
        String value = Settings.string(setting, null);
        if (value == null) {
            throw new WebhookNotConfiguredException("the webhook needs the setting " + setting);
        }
        return value;
    }

}
