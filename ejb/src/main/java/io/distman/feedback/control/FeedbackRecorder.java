package io.distman.feedback.control;

import io.distman.message.boundary.DeliveryLocks;
import io.distman.feedback.entity.FeedbackEvent.Locator;
import io.distman.feedback.entity.FeedbackEvent;
import io.distman.feedback.entity.FeedbackOutcome;
import io.distman.message.boundary.DeliveryStatusRecorder;
import io.distman.message.entity.Delivery;
import io.distman.message.entity.StatusChange;
import io.distman.platform.boundary.Secrets;
import io.distman.platform.entity.VerifyingKeys;
import io.distman.tracking.boundary.DeliveryTokens;
import io.distman.tracking.boundary.LinkTokens;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The one recorder of feedback, whatever its source: finds each event's delivery, checks that the
 * event may speak for it, locks the deliveries in id order, drops repeats by dedupe key and hands the
 * rest to the one status method. Runs in the caller's transaction, a few queries per batch.
 *
 * <p>An event matches a delivery only if it proves it is about it and the account and recipient agree:
 * <ul>
 * <li>a link token (pixel, click, unsubscribe) or the VERP return token is a secret minted for one
 *     delivery: holding it is the proof (DSNs often name an alias, ARF reports redact the recipient);</li>
 * <li>the delivery token echoed in provider metadata must carry our signature over account and delivery
 *     (anyone who submits mail, or has the provider's API, can put any value there), and the event's
 *     recipient, when it names one, must be the delivery's; a bare id (mail sent before the ids were
 *     signed) counts only on that account's own webhook URL and with the delivery's recipient;</li>
 * <li>our Message-ID or the provider's message id must come with the delivery's recipient (one provider
 *     message id covers all recipients of a message), or name exactly one delivery;</li>
 * <li>an event that came to an account's own URL only matches that account's deliveries.</li>
 * </ul>
 * A token that fails does not stop the event from matching by its message id under the same rules;
 * an event that matches nothing is reported unmatched with the reason, for the intake to keep.
 */
@Dependent
public class FeedbackRecorder {

    /** Decides, under the delivery's lock, what an event means for it (e.g. whether a machine clicked). */
    @FunctionalInterface
    public interface Judge {
        FeedbackEvent judge(FeedbackEvent event, Delivery delivery);
    }

    @PersistenceContext(unitName = "distman")
    EntityManager em;

    @EJB
    Secrets secrets;

    @Inject
    DeliveryLocks locks;

    @Inject
    DeliveryStatusRecorder statuses;

    public List<FeedbackOutcome> record(List<FeedbackEvent> events) {
        return record(events, (event, delivery) -> event);
    }

    /** @return what became of each event, in the order given */
    public List<FeedbackOutcome> record(List<FeedbackEvent> events, Judge judge) {
        if (events.isEmpty()) {
            return List.of();
        }
        Candidates candidates = new Candidates(events);
        List<FeedbackOutcome> outcomes = new ArrayList<>(events.size());
        List<Map.Entry<Delivery, StatusChange>> changes = new ArrayList<>();
        Set<String> known = candidates.knownKeys;
        for (FeedbackEvent event : events) {
            Match match = candidates.match(event);
            if (match.delivery() == null) {
                outcomes.add(FeedbackOutcome.unmatched(match.reason()));
                continue;
            }
            Delivery delivery = match.delivery();
            boolean appended = false;
            if (event.status() != null) {
                FeedbackEvent judged = judge.judge(event, delivery);
                String key = judged.dedupeKey().replace(FeedbackEvent.DELIVERY, delivery.getId().toString());
                if (!known.contains(key) && !candidates.isKnown(key)) {
                    known.add(key);
                    changes.add(Map.entry(delivery, change(judged, key)));
                    appended = true;
                }
            }
            outcomes.add(new FeedbackOutcome(delivery.getId(), delivery.getAccountId(), null, appended));
        }
        statuses.recordFresh(changes); // repeats were dropped above, against the table and within the batch
        return outcomes;
    }

    private static StatusChange change(FeedbackEvent e, String key) {
        return new StatusChange(e.status(), e.occurredAt(), e.source(), e.smtpCode(), e.enhancedCode(), e.diagnostic(),
                e.provider(), key, e.payloadRef(), e.machine());
    }

    private record Match(Delivery delivery, String reason) {
        static Match none(String reason) {
            return new Match(null, reason);
        }
    }

    /** The deliveries a batch's events may concern, found with a few queries and locked in one round. */
    private final class Candidates {

        private final Map<Long, Delivery> byId = new HashMap<>();
        private final Map<String, List<Delivery>> byMessageId = new HashMap<>();
        private final Map<String, Delivery> byReturnToken = new HashMap<>();
        private final Set<String> knownKeys = new HashSet<>();
        private final Set<String> checkedKeys = new HashSet<>();
        private final VerifyingKeys linkKeys = VerifyingKeys.remembering(v -> secrets.verifying(LinkTokens.SECRET, v));
        private final VerifyingKeys deliveryKeys = VerifyingKeys.remembering(
                v -> secrets.verifying(DeliveryTokens.SECRET, v));

        Candidates(List<FeedbackEvent> events) {
            Set<Long> ids = new HashSet<>();
            Map<Long, Long> accounts = accountsOf(events);
            List<String> messageIds = new ArrayList<>();
            Map<String, Long> returnTokens = new HashMap<>();
            for (FeedbackEvent event : events) {
                Locator l = event.locator();
                OptionalLong linked = l.linkToken() == null ? OptionalLong.empty() : linkId(l);
                linked.ifPresent(ids::add);
                Long tokenId = l.deliveryToken() == null ? null : tokenId(l);
                boolean tokenNamesDelivery = tokenId != null && accounts.containsKey(tokenId);
                if (tokenNamesDelivery) {
                    ids.add(tokenId);
                }
                boolean proven = linked.isPresent()
                        || tokenNamesDelivery && signedFor(l.deliveryToken(), accounts.get(tokenId), tokenId);
                if (!proven && l.returnToken() != null) {
                    returnTokens.putIfAbsent(l.returnToken().toLowerCase(Locale.ROOT), null);
                }
                if (!proven && l.messageId() != null) {
                    messageIds.add(l.messageId());
                }
            }
            for (String token : List.copyOf(returnTokens.keySet())) {
                em.createNamedQuery(Delivery.BY_RETURN_TOKEN, Delivery.class).setParameter("token", token)
                        .getResultStream().findFirst().ifPresent(d -> {
                            returnTokens.put(token, d.getId());
                            ids.add(d.getId());
                        });
            }
            for (List<String> chunk : DeliveryLocks.chunks(messageIds.stream().distinct().toList())) {
                em.createNamedQuery(Delivery.BY_PROVIDER_IDS, Delivery.class)
                        .setParameter("messageIds", chunk.stream().map(id -> "<" + id + ">").toList())
                        .setParameter("providerIds", chunk).getResultList().forEach(d -> ids.add(d.getId()));
            }
            for (Delivery d : locks.lockAndLoad(ids)) {
                byId.put(d.getId(), d);
                byMessageId.computeIfAbsent(Locator.bare(d.getMessageIdHeader()), k -> new ArrayList<>()).add(d);
                if (d.getProviderMessageId() != null) {
                    byMessageId.computeIfAbsent(d.getProviderMessageId(), k -> new ArrayList<>()).add(d);
                }
            }
            returnTokens.forEach((token, id) -> {
                if (id != null && byId.containsKey(id)) {
                    byReturnToken.put(token, byId.get(id));
                }
            });
            knownKeys.addAll(statuses.knownKeys(events.stream().map(FeedbackEvent::dedupeKey)
                    .filter(k -> !k.contains(FeedbackEvent.DELIVERY)).distinct().toList()));
            events.stream().map(FeedbackEvent::dedupeKey).forEach(checkedKeys::add);
        }

        /** Keys that only took shape once the delivery was known (or a judge changed them) are looked up one by one. */
        boolean isKnown(String key) {
            return !checkedKeys.contains(key) && !statuses.knownKeys(List.of(key)).isEmpty();
        }

        Match match(FeedbackEvent event) {
            Locator l = event.locator();
            if (l.linkToken() != null) {
                OptionalLong id = linkId(l);
                if (id.isEmpty()) {
                    return Match.none(l.linkPurpose() + " token not signed by us");
                }
                Delivery d = byId.get(id.getAsLong());
                return d == null ? Match.none("no delivery " + id.getAsLong()) : inScope(d, event, null);
            }
            String reason = null;
            if (l.deliveryToken() != null) {
                Match byToken = byDeliveryToken(event);
                if (byToken.delivery() != null) {
                    return byToken;
                }
                reason = byToken.reason();
            }
            if (l.returnToken() != null) {
                Delivery d = byReturnToken.get(l.returnToken().toLowerCase(Locale.ROOT));
                Match byVerp = d == null ? Match.none("no delivery has return token " + l.returnToken()) : inScope(d, event, null);
                if (byVerp.delivery() != null) {
                    return byVerp;
                }
                reason = Objects.requireNonNullElse(reason, byVerp.reason());
            }
            if (l.messageId() != null) {
                Match byMessage = byMessageId(event);
                if (byMessage.delivery() != null) {
                    return byMessage;
                }
                reason = Objects.requireNonNullElse(reason, byMessage.reason());
            }
            return Match.none(Objects.requireNonNullElse(reason, "names no delivery"));
        }

        private Match byDeliveryToken(FeedbackEvent event) {
            String token = event.locator().deliveryToken();
            Delivery d = byId.get(tokenId(event.locator()));
            if (d == null) {
                return Match.none("delivery token names no delivery");
            }
            if (signedFor(token, d.getAccountId(), d.getId())) {
                return inScope(d, event, event.recipient());
            }
            if (DeliveryTokens.isUnsigned(token)) {
                // Mail sent before the ids were signed: only the account's own authenticated URL vouches for it.
                if (event.accountScope() == null || event.recipient() == null) {
                    return Match.none("unsigned delivery id, accepted only on the account's own webhook URL with the recipient");
                }
                return inScope(d, event, event.recipient());
            }
            return Match.none("delivery token not signed by us");
        }

        private Match byMessageId(FeedbackEvent event) {
            List<Delivery> found = byMessageId.getOrDefault(event.locator().messageId(), List.of()).stream()
                    .filter(d -> event.accountScope() == null || event.accountScope().equals(d.getAccountId()))
                    .filter(d -> event.recipient() == null || event.recipient().equalsIgnoreCase(d.getAddress()))
                    .distinct().toList();
            if (found.size() == 1) {
                return new Match(found.get(0), null);
            }
            return Match.none(found.isEmpty() ? "no delivery of this message id with this recipient and account"
                    : "message id names several deliveries and the event no recipient");
        }

        /** The account of the URL, and the recipient when the rule asks for it, must be the delivery's. */
        private Match inScope(Delivery d, FeedbackEvent event, String recipient) {
            if (event.accountScope() != null && !event.accountScope().equals(d.getAccountId())) {
                return Match.none("delivery of another account than the URL's");
            }
            if (recipient != null && !recipient.equalsIgnoreCase(d.getAddress())) {
                return Match.none("recipient is not the delivery's");
            }
            return new Match(d, null);
        }

        private OptionalLong linkId(Locator l) {
            return LinkTokens.verify(linkKeys, l.linkPurpose(), l.linkToken());
        }

        private boolean signedFor(String token, Long accountId, long deliveryId) {
            if (accountId == null) {
                return false;
            }
            return DeliveryTokens.verify(deliveryKeys, token, accountId, deliveryId);
        }

        private Map<Long, Long> accountsOf(List<FeedbackEvent> events) {
            List<Long> ids = events.stream().map(FeedbackEvent::locator).filter(l -> l.deliveryToken() != null)
                    .map(FeedbackRecorder::tokenId).filter(Objects::nonNull).distinct().toList();
            Map<Long, Long> accounts = new HashMap<>();
            for (List<Long> chunk : DeliveryLocks.chunks(ids)) {
                em.createNamedQuery(Delivery.ACCOUNTS_OF, Object[].class).setParameter("ids", chunk)
                        .getResultList().forEach(row -> accounts.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue()));
            }
            return accounts;
        }
    }

    private static Long tokenId(Locator l) {
        OptionalLong id = DeliveryTokens.deliveryId(l.deliveryToken());
        return id.isPresent() ? id.getAsLong() : null;
    }
}
