package io.distman.message.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One recipient of one message (to, cc and bcc alike): the row the audit screen lists and the unit
 * the dispatcher claims, sends and retries. Its status is only ever changed by
 * {@code DeliveryStatusRecorder}, which also appends the event to the timeline.
 */
@Entity
@Table(name = "delivery")
@NamedQuery(name = Delivery.OF_MESSAGE,
        query = "SELECT d FROM Delivery d WHERE d.message.id = :messageId ORDER BY d.id")
@NamedQuery(name = Delivery.BY_ID_IN_ACCOUNT,
        query = "SELECT d FROM Delivery d WHERE d.id = :id AND d.accountId = :accountId")
@NamedQuery(name = Delivery.WITH_MESSAGE,
        query = "SELECT d FROM Delivery d JOIN FETCH d.message WHERE d.id IN :ids ORDER BY d.message.id, d.id")
@NamedQuery(name = Delivery.CLAIM_CANDIDATES,
        query = "SELECT d.id FROM Delivery d WHERE d.status IN :claimable AND d.nextAttemptAt <= :now "
                + "AND (d.leaseUntil IS NULL OR d.leaseUntil < :now) AND d.priority IN :priorities "
                + "ORDER BY d.priority DESC, d.bulk, d.nextAttemptAt")
@NamedQuery(name = Delivery.TAKE_LEASE,
        query = "UPDATE Delivery d SET d.claimOwner = :owner, d.leaseUntil = :leaseUntil "
                + "WHERE d.id = :id AND d.status IN :claimable AND (d.leaseUntil IS NULL OR d.leaseUntil < :now)")
// Renews a block's leases while it is being sent; only rows still held by this claimant (owner) are touched.
@NamedQuery(name = Delivery.RENEW_LEASE,
        query = "UPDATE Delivery d SET d.leaseUntil = :leaseUntil WHERE d.id IN :ids AND d.claimOwner = :owner "
                + "AND d.status = io.distman.message.entity.DeliveryStatus.SENDING")
@NamedQuery(name = Delivery.CLAIMS_OF,
        query = "SELECT d.id, d.attempts FROM Delivery d WHERE d.id IN :ids AND d.claimOwner = :owner "
                + "AND d.status = io.distman.message.entity.DeliveryStatus.SENDING")
@NamedQuery(name = Delivery.HEADER_RECIPIENTS,
        query = "SELECT d FROM Delivery d WHERE d.message.id IN :messageIds AND d.resendOf IS NULL "
                + "AND d.recipientType <> io.distman.message.entity.RecipientType.BCC AND d.address IS NOT NULL "
                + "AND d.status <> io.distman.message.entity.DeliveryStatus.REJECTED ORDER BY d.id")
@NamedQuery(name = Delivery.BY_PROVIDER_IDS,
        query = "SELECT d FROM Delivery d WHERE d.messageIdHeader IN :messageIds OR d.providerMessageId IN :providerIds")
@NamedQuery(name = Delivery.ACCOUNTS_OF,
        query = "SELECT d.id, d.accountId FROM Delivery d WHERE d.id IN :ids")
@NamedQuery(name = Delivery.BY_RETURN_TOKEN,
        query = "SELECT d FROM Delivery d WHERE d.returnToken = :token")
@NamedQuery(name = Delivery.BY_MESSAGE_ID_HEADER,
        query = "SELECT d FROM Delivery d WHERE d.messageIdHeader = :messageId")
@NamedQuery(name = Delivery.RESENDS_OF,
        query = "SELECT d.id FROM Delivery d WHERE d.resendOf = :id AND d.accountId = :accountId ORDER BY d.id")
// The workbench widget: one index-range read of (account_id, status, created_at) per status. COUNT of
// an indexed column rather than COUNT(d) (= the id, which is not in the index) keeps it index-only.
@NamedQuery(name = Delivery.FAILURE_COUNTS,
        query = "SELECT d.status, COUNT(d.accountId) FROM Delivery d WHERE d.accountId = :account "
                + "AND d.status IN :statuses AND d.createdAt >= :from AND d.createdAt < :until GROUP BY d.status")
// The monthly report: months in the database session's zone, which is the server's (as the audit's days). No
// join: the source module is copied onto the delivery, so (account_id, created_at, status, source_module)
// answers it from the index alone (V18).
@NamedQuery(name = Delivery.MONTHLY_COUNTS,
        query = "SELECT EXTRACT(YEAR FROM d.createdAt), EXTRACT(MONTH FROM d.createdAt), d.status, d.sourceModule, "
                + "COUNT(d.accountId) FROM Delivery d WHERE d.accountId = :account "
                + "AND d.createdAt >= :from AND d.createdAt < :until "
                + "GROUP BY EXTRACT(YEAR FROM d.createdAt), EXTRACT(MONTH FROM d.createdAt), d.status, d.sourceModule")
// The metrics and the health probe: the queue by status and, per status, the earliest due time, in one grouped
// read. The statuses are literals, not a parameter, so PostgreSQL can answer from the partial index delivery_due,
// whose predicate names exactly these four (a bound list would not prove the predicate).
@NamedQuery(name = Delivery.QUEUE_DEPTH,
        query = "SELECT d.status, COUNT(d.accountId), MIN(d.nextAttemptAt) FROM Delivery d WHERE d.status IN ("
                + "io.distman.message.entity.DeliveryStatus.PENDING, io.distman.message.entity.DeliveryStatus.SCHEDULED, "
                + "io.distman.message.entity.DeliveryStatus.SENDING, io.distman.message.entity.DeliveryStatus.TEMPORARY_FAILURE)"
                + " GROUP BY d.status")
public class Delivery {

    public static final String QUEUE_DEPTH = "Delivery.queueDepth";

    public static final String RESENDS_OF = "Delivery.resendsOf";
    public static final String FAILURE_COUNTS = "Delivery.failureCounts";
    public static final String MONTHLY_COUNTS = "Delivery.monthlyCounts";
    public static final String OF_MESSAGE = "Delivery.ofMessage";
    public static final String BY_ID_IN_ACCOUNT = "Delivery.byIdInAccount";
    public static final String WITH_MESSAGE = "Delivery.withMessage";
    public static final String CLAIM_CANDIDATES = "Delivery.claimCandidates";
    public static final String TAKE_LEASE = "Delivery.takeLease";
    public static final String RENEW_LEASE = "Delivery.renewLease";
    public static final String CLAIMS_OF = "Delivery.claimsOf";
    public static final String BY_RETURN_TOKEN = "Delivery.byReturnToken";
    public static final String ACCOUNTS_OF = "Delivery.accountsOf";
    public static final String HEADER_RECIPIENTS = "Delivery.headerRecipients";
    public static final String BY_PROVIDER_IDS = "Delivery.byProviderIds";
    public static final String BY_MESSAGE_ID_HEADER = "Delivery.byMessageIdHeader";

    @Id
    @SequenceGenerator(name = "delivery_seq", sequenceName = "delivery_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "delivery_seq")
    private Long id;

    @Column(name = "account_id", nullable = false)
    private Long accountId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "message_id")
    private Message message;

    @Enumerated(EnumType.STRING)
    @Column(name = "recipient_type", nullable = false, length = 3)
    private RecipientType recipientType;

    @Column(length = 320)
    private String address;

    @Column(name = "display_name", length = 200)
    private String displayName;

    @Column(name = "address_domain", length = 255)
    private String domain;

    /** Copied from the message so the audit's raised-by filter is one index on this table. */
    @Column(name = "raised_by", nullable = false, length = 100)
    private String raisedBy;

    /** Copied from the message so the Monthly counts report is one index-only range read of this table (V18). */
    @Column(name = "source_module", length = 50)
    private String sourceModule;

    /** Copied from the message so the claim can serve urgent mail first from one index. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Priority priority;

    /** Copied from the message so the claim serves the other lanes (transactional, essential) before BULK (V32_1). */
    @Column(nullable = false)
    private boolean bulk;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private DeliveryStatus status;

    @Column(name = "status_at", nullable = false)
    private Instant statusAt;

    @Column(name = "status_detail", length = 1000)
    private String statusDetail;

    @Column(name = "smtp_code")
    private Integer smtpCode;

    @Column(name = "enhanced_code", length = 16)
    private String enhancedCode;

    @Column(length = 30)
    private String provider;

    @Column(name = "provider_message_id", length = 255)
    private String providerMessageId;

    /** Fixed at submission, so a resend after a crash is recognisable as the same email. */
    @Column(name = "message_id_header", nullable = false, unique = true, length = 255)
    private String messageIdHeader;

    /** The token in the per-delivery return path (VERP) that correlates a bounce with this row. */
    @Column(name = "return_token", nullable = false, unique = true, length = 40)
    private String returnToken;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(name = "claim_owner", length = 100)
    private String claimOwner;

    @Column(name = "lease_until")
    private Instant leaseUntil;

    @Column(name = "resend_of")
    private Long resendOf;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Delivery() {
    }

    public Delivery(Message message, RecipientType recipientType, String address, String displayName,
                    String messageIdHeader, String returnToken, Instant createdAt) {
        this.message = message;
        this.accountId = message.getAccountId();
        this.raisedBy = message.getRaisedBy();
        this.sourceModule = message.getSourceModule();
        this.priority = message.getPriority();
        this.bulk = message.getCategory() == Category.BULK;
        this.recipientType = recipientType;
        this.address = address;
        this.displayName = displayName;
        this.domain = domainOf(address);
        this.messageIdHeader = messageIdHeader;
        this.returnToken = returnToken;
        this.createdAt = createdAt;
    }

    private static String domainOf(String address) {
        if (address == null) {
            return null;
        }
        int at = address.lastIndexOf('@');
        return at < 0 ? null : address.substring(at + 1).toLowerCase(java.util.Locale.ROOT);
    }

    /** Called only by the status recorder, which has appended the event that justifies it. */
    public void applyStatus(DeliveryStatus status, Instant at, String detail, Integer smtpCode, String enhancedCode) {
        this.status = status;
        this.statusAt = at;
        this.statusDetail = detail;
        this.smtpCode = smtpCode;
        this.enhancedCode = enhancedCode;
    }

    /** The dispatcher took it: count the attempt and hold it for the lease. */
    public void claimed(String owner, Instant leaseUntil) {
        this.claimOwner = owner;
        this.leaseUntil = leaseUntil;
        this.attempts++;
    }

    /** The attempt is over; {@code nextAttempt} is null when nothing more is to be sent. */
    public void released(Instant nextAttempt) {
        this.claimOwner = null;
        this.leaseUntil = null;
        this.nextAttemptAt = nextAttempt;
    }

    public void scheduleAt(Instant at) {
        this.nextAttemptAt = at;
    }

    public void sentVia(String provider, String providerMessageId) {
        this.provider = provider;
        this.providerMessageId = providerMessageId;
    }

    /** A resend: a user pressed the button and is waiting, so it goes out with the urgent mail. */
    public void resendOf(Long original) {
        this.resendOf = original;
        this.priority = Priority.URGENT;
    }

    public Long getId() { return id; }
    public Long getAccountId() { return accountId; }
    public Message getMessage() { return message; }
    public RecipientType getRecipientType() { return recipientType; }
    public String getAddress() { return address; }
    public String getDisplayName() { return displayName; }
    public String getDomain() { return domain; }
    public String getRaisedBy() { return raisedBy; }
    public Priority getPriority() { return priority; }
    public boolean isBulk() { return bulk; }
    public DeliveryStatus getStatus() { return status; }
    public Instant getStatusAt() { return statusAt; }
    public String getStatusDetail() { return statusDetail; }
    public Integer getSmtpCode() { return smtpCode; }
    public String getEnhancedCode() { return enhancedCode; }
    public String getProvider() { return provider; }
    public String getProviderMessageId() { return providerMessageId; }
    public String getMessageIdHeader() { return messageIdHeader; }
    public String getReturnToken() { return returnToken; }
    public int getAttempts() { return attempts; }
    public Instant getNextAttemptAt() { return nextAttemptAt; }
    public String getClaimOwner() { return claimOwner; }
    public Instant getLeaseUntil() { return leaseUntil; }
    public Long getResendOf() { return resendOf; }
    public Instant getCreatedAt() { return createdAt; }
}
