package io.distman.feedback.control;

import io.distman.feedback.control.webhook.TokenClaim;
import io.distman.feedback.entity.IngestResult;
import io.distman.feedback.entity.ProviderEvent;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * One authenticated webhook request waiting to be stored: its events, the one-time tokens it spends,
 * and the answer its provider is waiting for, given only once the events are committed.
 *
 * @param accountId the account whose URL was called: its events may only match its own deliveries;
 *                  {@code null} for the installation's URL
 */
public record PendingWebhook(String provider, Long accountId, List<ProviderEvent> events, List<TokenClaim> tokens,
                             CompletableFuture<IngestResult> result) {

    public PendingWebhook {
        Objects.requireNonNull(provider, "provider");
        events = List.copyOf(events);
        tokens = List.copyOf(tokens);
        Objects.requireNonNull(result, "result");
    }

    public PendingWebhook(String provider, Long accountId, List<ProviderEvent> events, List<TokenClaim> tokens) {
        this(provider, accountId, events, tokens, new CompletableFuture<>());
    }

    // Identity, not content: two requests carrying the same events are still two requests to answer.
    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
