package io.distman.feedback.boundary;

import io.distman.account.boundary.AccountIds;
import io.distman.feedback.control.PendingWebhook;
import io.distman.feedback.control.WebhookBatcher;
import io.distman.feedback.control.WebhookParsers;
import io.distman.feedback.control.webhook.DeferredReplayGuard;
import io.distman.feedback.control.webhook.TokenClaim;
import io.distman.feedback.entity.IngestResult;
import io.distman.feedback.entity.ProviderEvent;
import io.distman.feedback.entity.SesWebhookResult;
import io.distman.feedback.entity.WebhookRejectedException;
import io.distman.platform.entity.NotFoundException;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Receives a provider's webhook request: authenticates it (with the account's own credentials when it
 * came to the account's URL), normalises its events, and hands them to the {@link WebhookBatcher},
 * which stores them together with other requests' in one transaction. The returned stage completes
 * after that commit: a request is either fully taken, or (on any failure) retried by the provider
 * and then recognised by its event ids.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // nothing is written here; the batcher's transaction does
@PermitAll // providers' webhooks are authenticated by their signatures before this is called
public class WebhookIngestion {

    public static final List<String> PROVIDERS = List.of("mailgun", "amazon-ses", "sendgrid", "postmark");

    @Inject
    WebhookParsers parsers;

    @Inject
    WebhookBatcher batcher;

    @Inject
    AccountIds accounts;

    /**
     * @param accountCode the account of the URL ({@code webhooks/{provider}/{account}}), or {@code null}
     * @throws WebhookRejectedException forged or stale (a replay is found later: the stage fails with it)
     * @throws NotFoundException        no such account
     */
    public CompletionStage<IngestResult> receive(String provider, String accountCode, byte[] body, Map<String, String> headers)
            throws WebhookRejectedException {
        Long accountId = accountCode == null ? null
                : accounts.idOf(accountCode).orElseThrow(() -> new NotFoundException("no account " + accountCode));
        if ("amazon-ses".equals(provider)) {
            return receiveSes(accountId, body, headers);
        }
        DeferredReplayGuard tokens = new DeferredReplayGuard();
        List<ProviderEvent> events = parsers.forProvider(provider, accountId, tokens).parse(body, headers);
        return store(provider, accountId, events, tokens.claims());
    }

    /** SNS wraps SES events, and first asks us to confirm the subscription by fetching a URL. */
    private CompletionStage<IngestResult> receiveSes(Long accountId, byte[] body, Map<String, String> headers)
            throws WebhookRejectedException {
        SesWebhookResult result = parsers.ses(accountId).parseWebhook(body, headers);
        if (result instanceof SesWebhookResult.Events events) {
            return store("amazon-ses", accountId, events.events(), List.of());
        }
        if (result instanceof SesWebhookResult.SubscriptionConfirmation confirmation) {
            confirm(confirmation);
        }
        return CompletableFuture.completedFuture(new IngestResult(0, 0, 0));
    }

    private CompletionStage<IngestResult> store(String provider, Long accountId, List<ProviderEvent> events, List<TokenClaim> tokens) {
        if (events.isEmpty() && tokens.isEmpty()) {
            return CompletableFuture.completedFuture(new IngestResult(0, 0, 0));
        }
        return batcher.submit(new PendingWebhook(provider, accountId, events, tokens));
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
