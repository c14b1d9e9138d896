package io.distman.submission.control;

import io.distman.identity.boundary.SenderCheck;
import io.distman.message.boundary.AddressCheck;
import io.distman.message.boundary.DeliveryStatusRecorder;
import io.distman.message.boundary.MessageSubmitted;
import io.distman.message.entity.Category;
import io.distman.message.entity.Delivery;
import io.distman.message.entity.DeliveryPostalAddress;
import io.distman.message.entity.DeliveryStatus;
import io.distman.message.entity.Message;
import io.distman.message.entity.MessageAttachment;
import io.distman.message.entity.MessageContent;
import io.distman.message.entity.PostalAddress;
import io.distman.message.entity.Priority;
import io.distman.message.entity.RecipientType;
import io.distman.message.entity.StatusChange;
import io.distman.platform.boundary.AfterCommitEvents;
import io.distman.platform.entity.FieldError;
import io.distman.preference.boundary.Preferences;
import io.distman.preference.entity.RecipientPreference;
import io.distman.preference.entity.Treatment;
import io.distman.submission.entity.AttachmentInput;
import io.distman.submission.entity.DeliveryReceipt;
import io.distman.submission.entity.RecipientInput;
import io.distman.submission.entity.SubmissionRejectedException;
import io.distman.submission.entity.SubmitReceipt;
import io.distman.submission.entity.SubmitRequest;
import io.distman.suppression.boundary.SuppressionList;
import io.distman.suppression.entity.Suppression;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Stores a validated request: the message, its archived content and attachments, and one delivery
 * per recipient with its first status: PENDING or SCHEDULED when it can be sent, PENDING_DIGEST when the
 * recipient's preferences hold it for their digest, else the pre-send outcome (EMAIL_MISSING, REJECTED, SUPPRESSED,
 * OPTED_OUT) that the audit will show. An ESSENTIAL mail to a recipient who opted out goes, and its first event says
 * who overrode the opt-out and why ({@link Treatment}).
 */
@Dependent
public class Submitter {

    static final String SOURCE = "SUBMISSION";

    @PersistenceContext(unitName = "distman")
    EntityManager em;

    @Inject
    DeliveryStatusRecorder statuses;

    @Inject
    AttachmentStore attachments;

    @Inject
    SuppressionList suppressions;

    @Inject
    Preferences preferences;

    @Inject
    AfterCommitEvents afterCommit;

    @Inject
    Clock clock;

    /** Refuses mail From outside the account's verified identities before anything is stored. */
    @Inject
    SenderCheck senders;

    /**
     * Validates the request and stores it for the account the caller has been checked against, or returns
     * the receipt of the earlier request with the same idempotency key.
     * @throws SubmissionRejectedException naming each bad field
     */
    public SubmitReceipt accept(long accountId, SubmitRequest request) {
        return accept(accountId, request, null, false);
    }

    /**
     * Like {@link #accept(long, SubmitRequest)}, naming the authenticated caller: an ESSENTIAL mail's override of an
     * opt-out is recorded with the caller and the person it raised the mail for.
     */
    public SubmitReceipt accept(long accountId, SubmitRequest request, String callerActor) {
        return accept(accountId, request, callerActor, false);
    }

    /**
     * Like {@link #accept(long, SubmitRequest)} for the application's own mail (notifications), which may also
     * come From the installation's own sender: no account owns that address, so no caller may use it.
     */
    public SubmitReceipt acceptOwnMail(long accountId, SubmitRequest request) {
        return accept(accountId, request, null, true, false);
    }

    /**
     * Like {@link #accept(long, SubmitRequest)} for one message of a serial mailing, whose recipients the host's
     * directory may say opted out: then the message is stored all the same and its deliveries are OPTED_OUT (never
     * sent), so the audit shows who was not written to and why, as for an opt-out in our own store.
     */
    public SubmitReceipt acceptSerial(long accountId, SubmitRequest request, boolean optedOutInDirectory) {
        return accept(accountId, request, null, false, optedOutInDirectory);
    }

    private SubmitReceipt accept(long accountId, SubmitRequest request, String callerActor,
                                 boolean installationSenderAllowed) {
        return accept(accountId, request, callerActor, installationSenderAllowed, false);
    }

    private SubmitReceipt accept(long accountId, SubmitRequest request, String callerActor,
                                 boolean installationSenderAllowed, boolean optedOutInDirectory) {
        List<FieldError> errors = SubmissionValidator.check(request, SubmissionLimits.fromSettings(), clock.instant());
        if (!errors.isEmpty()) {
            throw new SubmissionRejectedException(errors);
        }
        // After the idempotency look-up: a repeat of mail already accepted gets its receipt, whatever changed since.
        return earlier(accountId, request.idempotencyKey()).orElseGet(() -> {
            if (!(installationSenderAllowed && SenderCheck.isInstallationSender(request.sender().address()))) {
                senders.refusal(accountId, request.sender().address()).ifPresent(reason -> {
                    throw new SubmissionRejectedException(List.of(new FieldError("sender.address", reason)));
                });
            }
            return store(accountId, request, callerActor, lookUp(accountId, List.of(request), clock.instant()),
                    optedOutInDirectory);
        });
    }

    /** The first submission with this key, if the account has already sent one. */
    public Optional<SubmitReceipt> earlier(long accountId, String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            return Optional.empty();
        }
        return em.createNamedQuery(Message.BY_IDEMPOTENCY_KEY, Message.class)
                .setParameter("accountId", accountId)
                .setParameter("key", idempotencyKey.strip())
                .getResultStream().findFirst()
                .map(message -> receipt(message, deliveriesOf(message), true));
    }

    public SubmitReceipt store(long accountId, SubmitRequest request, String callerActor) {
        return store(accountId, request, callerActor, lookUp(accountId, List.of(request), clock.instant()), false);
    }

    /**
     * Asks, for all these requests at once, what decides their recipients' first status: active suppressions (a
     * query per category, as they depend on it) and preferences (none for TRANSACTIONAL mail, which they never
     * hold). Asked before anything is persisted, so no query forces an early flush: all inserts then go to the
     * database together, in JDBC batches, at commit.
     */
    RecipientLookups lookUp(long accountId, List<SubmitRequest> requests, Instant now) {
        Map<Category, Set<String>> byCategory = new EnumMap<>(Category.class);
        Set<String> preferenceAddresses = new LinkedHashSet<>();
        for (SubmitRequest request : requests) {
            List<String> sendable = recipients(request).stream().filter(r -> r.problem == null && r.address != null)
                    .map(r -> r.address).toList();
            byCategory.computeIfAbsent(request.category(), c -> new LinkedHashSet<>()).addAll(sendable);
            if (request.category() != Category.TRANSACTIONAL) {
                preferenceAddresses.addAll(sendable);
            }
        }
        Map<Category, Map<String, Suppression>> suppressed = new EnumMap<>(Category.class);
        byCategory.forEach((category, addresses) -> suppressed.put(category,
                suppressions.activeFor(accountId, addresses, category, now)));
        return new RecipientLookups(suppressed,
                preferenceAddresses.isEmpty() ? Map.of() : preferences.of(accountId, preferenceAddresses));
    }

    /**
     * Stores a validated request whose recipients {@link #lookUp} has asked about.
     * @param optedOutInDirectory whether the host's directory says the (one) recipient opted out (serial mail)
     */
    SubmitReceipt store(long accountId, SubmitRequest request, String callerActor, RecipientLookups lookups,
                        boolean optedOutInDirectory) {
        Instant now = clock.instant();
        List<PendingRecipient> recipients = recipients(request);
        Map<String, Suppression> suppressed = lookups.suppressed().getOrDefault(request.category(), Map.of());
        Map<String, RecipientPreference> prefs = request.category() == Category.TRANSACTIONAL ? Map.of() : lookups.prefs();
        Message message = new Message(accountId, request.raisedBy().strip(), request.category(),
                request.priority() == null ? Priority.NORMAL : request.priority(), request.subject().strip(), now);
        message.from(AddressCheck.normalise(request.sender().address()), blankToNull(request.sender().name()),
                blankToNull(request.sender().replyTo()));
        message.raisedFrom(blankToNull(request.sourceModule()), blankToNull(request.sourceRef()));
        message.setIdempotencyKey(blankToNull(request.idempotencyKey()));
        message.setSendAt(request.sendAt());
        if (request.category() == Category.ESSENTIAL) {
            message.markedEssential(callerActor == null ? message.getRaisedBy() : callerActor + " for " + message.getRaisedBy(),
                    blankToNull(request.essentialReason()));
        }
        em.persist(message);
        em.persist(new MessageContent(message.getId(), request.htmlBody(), request.textBody(), headerLines(request.headers())));
        storeAttachments(message, request.attachments());
        List<Delivery> deliveries = new ArrayList<>();
        for (PendingRecipient recipient : recipients) {
            Delivery delivery = new Delivery(message, recipient.type, recipient.address, recipient.name,
                    MessageIds.messageIdFor(message.getSenderAddress()), MessageIds.returnToken(), now);
            statuses.start(delivery, firstStatus(delivery, recipient, suppressed, prefs, optedOutInDirectory, message, now));
            if (recipient.postal != null) {
                em.persist(new DeliveryPostalAddress(delivery, recipient.postal)); // after start(): the delivery has its id
            }
            deliveries.add(delivery);
        }
        afterCommit.fire(new MessageSubmitted(accountId, message.getId(), message.getRaisedBy(),
                message.getSourceModule(), message.getSourceRef(), message.getCategory(), message.getPriority(),
                message.getSubject(), deliveries.stream().map(Delivery::getId).toList()));
        return receipt(message, deliveries, false);
    }

    private StatusChange firstStatus(Delivery delivery, PendingRecipient recipient, Map<String, Suppression> suppressed,
                                     Map<String, RecipientPreference> prefs, boolean optedOutInDirectory,
                                     Message message, Instant now) {
        String key = "submitted:" + delivery.getMessageIdHeader();
        RecipientPreference preference = recipient.address == null ? null
                : prefs.get(recipient.address.toLowerCase(Locale.ROOT));
        Treatment treatment = Treatment.of(preference, optedOutInDirectory, message.getCategory(), message.getPriority());
        // The directory's opt-out is the person's, not an address's: it comes first, so no letter goes either.
        if (optedOutInDirectory && treatment == Treatment.OPTED_OUT) {
            return StatusChange.of(DeliveryStatus.OPTED_OUT, now, SOURCE,
                    "recipient opted out of non-essential mail (in the recipient directory)", key);
        }
        if (recipient.address == null) {
            return StatusChange.of(DeliveryStatus.EMAIL_MISSING, now, SOURCE, "no email address for this recipient", key);
        }
        if (recipient.problem != null) {
            return StatusChange.of(DeliveryStatus.REJECTED, now, SOURCE, recipient.problem, key);
        }
        Suppression suppression = suppressed.get(recipient.address.toLowerCase(Locale.ROOT));
        if (suppression != null) {
            return StatusChange.of(DeliveryStatus.SUPPRESSED, now, SOURCE, "address is suppressed (" + suppression.getReason()
                    + (suppression.getDetail() == null ? "" : ": " + suppression.getDetail()) + ")", key);
        }
        if (treatment == Treatment.OPTED_OUT) {
            return StatusChange.of(DeliveryStatus.OPTED_OUT, now, SOURCE, "recipient opted out of non-essential mail"
                    + " (set by " + preference.getChangedBy() + ")", key);
        }
        if (treatment == Treatment.HOLD_FOR_DIGEST) {
            return StatusChange.of(DeliveryStatus.PENDING_DIGEST, now, SOURCE, "held for the recipient's "
                    + preference.getDigest().name().toLowerCase(Locale.ROOT) + " digest", key);
        }
        Instant sendAt = message.getSendAt();
        boolean later = sendAt != null && sendAt.isAfter(now);
        delivery.scheduleAt(later ? sendAt : now);
        String note = treatment == Treatment.SEND_OVERRIDING_OPT_OUT
                ? Treatment.overrideNote(message.getEssentialBy(), message.getRaisedBy(), message.getEssentialReason()) : null;
        return StatusChange.of(later ? DeliveryStatus.SCHEDULED : DeliveryStatus.PENDING, now, SOURCE, note, key);
    }

    private void storeAttachments(Message message, List<AttachmentInput> files) {
        if (files == null) {
            return;
        }
        for (int i = 0; i < files.size(); i++) {
            AttachmentInput file = files.get(i);
            em.persist(new MessageAttachment(message.getId(), i, attachments.store(message.getAccountId(), file.content()),
                    file.filename().strip(), file.contentType().strip()));
        }
    }

    private static List<PendingRecipient> recipients(SubmitRequest request) {
        List<PendingRecipient> all = new ArrayList<>();
        add(all, RecipientType.TO, request.to());
        add(all, RecipientType.CC, request.cc());
        add(all, RecipientType.BCC, request.bcc());
        return all;
    }

    private static void add(List<PendingRecipient> all, RecipientType type, List<RecipientInput> inputs) {
        if (inputs == null) {
            return;
        }
        for (RecipientInput input : inputs) {
            String address = blankToNull(input.address());
            String normalised = address == null ? null : AddressCheck.normalise(address);
            String problem = normalised == null ? null : AddressCheck.problemWith(normalised);
            all.add(new PendingRecipient(type, normalised, blankToNull(input.name()), problem, input.postalAddress()));
        }
    }

    List<Delivery> deliveriesOf(Message message) {
        return em.createNamedQuery(Delivery.OF_MESSAGE, Delivery.class).setParameter("messageId", message.getId())
                .getResultList();
    }

    static SubmitReceipt receipt(Message message, List<Delivery> deliveries, boolean duplicate) {
        return new SubmitReceipt(message.getId(), duplicate, deliveries.stream().map(Submitter::receipt).toList());
    }

    public static DeliveryReceipt receipt(Delivery d) {
        return new DeliveryReceipt(d.getId(), d.getRecipientType(), d.getAddress(), d.getStatus(), d.getStatusDetail());
    }

    private static String headerLines(Map<String, String> headers) {
        if (headers == null || headers.isEmpty()) {
            return null;
        }
        return headers.entrySet().stream().map(h -> h.getKey() + ": " + h.getValue().strip())
                .collect(Collectors.joining("\n"));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Suppressions by category, then by lower-cased address; preferences by lower-cased address. */
    record RecipientLookups(Map<Category, Map<String, Suppression>> suppressed, Map<String, RecipientPreference> prefs) {
    }

    private record PendingRecipient(RecipientType type, String address, String name, String problem, PostalAddress postal) {
    }
}
