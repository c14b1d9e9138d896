package io.distman.submission.control;

import io.distman.identity.boundary.SenderCheck;
import io.distman.message.entity.Message;
import io.distman.platform.entity.FieldError;
import io.distman.submission.entity.SubmissionRejectedException;
import io.distman.submission.entity.SubmitReceipt;
import io.distman.submission.entity.SubmitRequest;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stores many requests of one account in the caller's one transaction, for modules that raise mail in runs (a
 * credit-control letter to every tenant in arrears): all or nothing. Every request is checked before anything is
 * written, and one bad field refuses the whole batch, named {@code messages[i].<field>}, so a caller never has to
 * work out which half went. What a request-at-a-time submission asks per request (earlier idempotency keys,
 * suppressions, preferences) is asked once for the batch, and the inserts go out in JDBC batches at commit.
 */
@Dependent
public class BatchSubmitter {

    @PersistenceContext(unitName = "distman")
    EntityManager em;

    @Inject
    Submitter submitter;

    @Inject
    SenderCheck senders;

    @Inject
    Clock clock;

    /**
     * @return a receipt per request, in their order; a request whose idempotency key the account has used already
     * gets that submission's receipt (marked duplicate) and stores nothing
     * @throws SubmissionRejectedException naming each bad field of each request, nothing stored
     */
    public List<SubmitReceipt> acceptAll(long accountId, List<SubmitRequest> requests, String callerActor) {
        SubmissionLimits limits = SubmissionLimits.fromSettings();
        if (requests == null || requests.isEmpty()) {
            throw new SubmissionRejectedException(List.of(new FieldError("messages", "is required: at least one message")));
        }
        if (requests.size() > limits.maxBatch()) {
            throw new SubmissionRejectedException(List.of(new FieldError("messages",
                    "has " + requests.size() + " messages, more than the " + limits.maxBatch() + " a batch may carry")));
        }
        Instant now = clock.instant();
        List<FieldError> errors = new ArrayList<>();
        Map<String, Integer> keys = new LinkedHashMap<>();
        for (int i = 0; i < requests.size(); i++) {
            SubmitRequest request = requests.get(i);
            if (request == null) {
                errors.add(new FieldError(field(i, null), "is required"));
                continue;
            }
            for (FieldError e : SubmissionValidator.check(request, limits, now)) {
                errors.add(new FieldError(field(i, e.field()), e.message()));
            }
            String key = keyOf(request);
            Integer first = key == null ? null : keys.putIfAbsent(key, i);
            if (first != null) {
                errors.add(new FieldError(field(i, "idempotencyKey"), "repeats the key of " + field(first, null)));
            }
        }
        reject(errors);
        Map<String, Message> earlier = earlier(accountId, List.copyOf(keys.keySet()));
        List<SubmitRequest> fresh = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            SubmitRequest request = requests.get(i);
            if (!earlier.containsKey(keyOf(request))) {
                fresh.add(request);
                String refusal = senders.refusal(accountId, request.sender().address()).orElse(null);
                if (refusal != null) {
                    errors.add(new FieldError(field(i, "sender.address"), refusal));
                }
            }
        }
        reject(errors);
        Submitter.RecipientLookups lookups = submitter.lookUp(accountId, fresh, now);
        List<SubmitReceipt> receipts = new ArrayList<>(requests.size());
        for (SubmitRequest request : requests) {
            Message first = earlier.get(keyOf(request));
            receipts.add(first != null ? Submitter.receipt(first, submitter.deliveriesOf(first), true)
                    : submitter.store(accountId, request, callerActor, lookups, false));
        }
        return receipts;
    }

    private Map<String, Message> earlier(long accountId, List<String> keys) {
        Map<String, Message> found = new HashMap<>();
        for (int from = 0; from < keys.size(); from += 500) {
            em.createNamedQuery(Message.BY_IDEMPOTENCY_KEYS, Message.class).setParameter("accountId", accountId)
                    .setParameter("keys", keys.subList(from, Math.min(keys.size(), from + 500))).getResultStream()
                    .forEach(m -> found.put(m.getIdempotencyKey(), m));
        }
        return found;
    }

    private static void reject(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new SubmissionRejectedException(errors);
        }
    }

    /** The key as it is stored (stripped), or null: a key-less request is never a repeat. */
    private static String keyOf(SubmitRequest request) {
        String key = request.idempotencyKey();
        return key == null || key.isBlank() ? null : key.strip();
    }

    private static String field(int index, String field) {
        return "messages[" + index + "]" + (field == null ? "" : "." + field);
    }
}
