package io.distman.feedback.boundary;

import io.distman.feedback.control.ProviderEventIngest;
import io.distman.feedback.control.WebhookParsers;
import io.distman.feedback.control.webhook.WebhookRejectedException;
import io.distman.feedback.entity.IngestResult;
import io.distman.feedback.entity.SesWebhookResult;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Receives a provider's webhook request: authenticates it, normalises its events and records them,
 * all in one transaction, so a request is either fully taken or (on any failure) retried by the
 * provider and then recognised by its event ids.
 */
@Stateless
public class WebhookIngestion {

    public static final List<String> PROVIDERS = List.of("mailgun", "amazon-ses", "sendgrid", "postmark");

    @PersistenceContext(unitName = "distman")
    EntityManager em;

    @Inject
    ProviderEventIngest ingest;

    @Inject
    Clock clock;

    public IngestResult receive(String provider, byte[] body, Map<String, String> headers) throws WebhookRejectedException {
        if ("amazon-ses".equals(provider)) {
            return receiveSes(body, headers);
        }
        return ingest.ingest(WebhookParsers.forProvider(provider, em, clock).parse(body, headers));
    }

    /** SNS wraps SES events, and first asks us to confirm the subscription by fetching a URL. */
    private IngestResult receiveSes(byte[] body, Map<String, String> headers) throws WebhookRejectedException {
        SesWebhookResult result = WebhookParsers.ses(clock).parseWebhook(body, headers);
        if (result instanceof SesWebhookResult.Events events) {
            return ingest.ingest(events.events());
        }
        if (result instanceof SesWebhookResult.SubscriptionConfirmation confirmation) {
            confirm(confirmation);
        }
        return new IngestResult(0, 0, 0);
    }

    private static void confirm(SesWebhookResult.SubscriptionConfirmation confirmation) {
        try {
            HttpResponse<Void> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()
                    .send(HttpRequest.newBuilder(confirmation.subscribeUrl()).timeout(Duration.ofSeconds(20)).GET().build(),
                            HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("SNS subscription confirmation answered " + response.statusCode());
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot confirm the SNS subscription: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted confirming the SNS subscription", e);
        }
    }
}
