package io.distman.feedback.control;

import io.distman.feedback.entity.IngestResult;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stores a batch of webhook requests in one transaction of its own: spends their tokens, then
 * records the events of those that are not replays. The caller answers the providers only once this
 * has returned, that is once the transaction has committed.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class WebhookBatches {

    /** What became of each request: stored (with its tally), or refused as a replay. */
    public record Outcome(Map<PendingWebhook, IngestResult> stored, Set<PendingWebhook> replays) {
    }

    @Inject
    ReplayTokens tokens;

    @Inject
    ProviderEventIngest ingest;

    public Outcome store(List<PendingWebhook> requests) {
        Set<PendingWebhook> replays = tokens.spend(requests);
        return new Outcome(ingest.ingest(requests.stream().filter(r -> !replays.contains(r)).toList()), replays);
    }
}
