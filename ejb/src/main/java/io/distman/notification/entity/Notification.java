package io.distman.notification.entity;

import io.distman.message.entity.DeliveryStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Something a user is told: mail they raised failed (or was complained about, rejected, unsubscribed), or,
 * for admins, the account's queue is stuck. Every query names the account and the user, so nobody ever
 * reads another's notifications.
 */
@Entity
@Table(name = "notification")
@NamedQuery(name = Notification.LATEST,
        query = "SELECT n FROM Notification n WHERE n.accountId = :accountId AND n.username = :username AND n.inApp = TRUE"
                + " ORDER BY n.createdAt DESC, n.id DESC")
@NamedQuery(name = Notification.UNREAD_COUNT,
        query = "SELECT COUNT(n) FROM Notification n WHERE n.accountId = :accountId AND n.username = :username"
                + " AND n.inApp = TRUE AND n.readAt IS NULL")
@NamedQuery(name = Notification.COUNT,
        query = "SELECT COUNT(n) FROM Notification n WHERE n.accountId = :accountId AND n.username = :username AND n.inApp = TRUE")
@NamedQuery(name = Notification.MARK_READ,
        query = "UPDATE Notification n SET n.readAt = :now WHERE n.accountId = :accountId AND n.username = :username"
                + " AND n.id = :id AND n.readAt IS NULL")
@NamedQuery(name = Notification.MARK_ALL_READ,
        query = "UPDATE Notification n SET n.readAt = :now WHERE n.accountId = :accountId AND n.username = :username"
                + " AND n.readAt IS NULL")
@NamedQuery(name = Notification.BY_KEY, query = "SELECT COUNT(n) FROM Notification n WHERE n.dedupeKey = :key")
@NamedQuery(name = Notification.SUMMARY_USERS,
        query = "SELECT DISTINCT n.accountId, n.username FROM Notification n WHERE n.emailState = :state"
                + " AND n.createdAt < :before")
@NamedQuery(name = Notification.EMAIL_DUE_OF_USER,
        query = "SELECT n FROM Notification n WHERE n.emailState = :state AND n.createdAt < :before"
                + " AND n.accountId = :accountId AND n.username = :username ORDER BY n.createdAt, n.id")
public class Notification {

    public static final String LATEST = "Notification.latest";
    public static final String UNREAD_COUNT = "Notification.unreadCount";
    public static final String COUNT = "Notification.count";
    public static final String MARK_READ = "Notification.markRead";
    public static final String MARK_ALL_READ = "Notification.markAllRead";
    public static final String BY_KEY = "Notification.byKey";
    public static final String SUMMARY_USERS = "Notification.summaryUsers";
    public static final String EMAIL_DUE_OF_USER = "Notification.emailDueOfUser";

    @Id
    @SequenceGenerator(name = "notification_seq", sequenceName = "notification_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "notification_seq")
    private Long id;

    @Column(name = "account_id", nullable = false)
    private Long accountId;

    @Column(nullable = false, length = 100)
    private String username;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private NotificationKind kind;

    @Column(name = "delivery_id")
    private Long deliveryId;

    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    private DeliveryStatus status;

    @Column(nullable = false, length = 300)
    private String title;

    @Column(length = 1000)
    private String detail;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "in_app", nullable = false)
    private boolean inApp;

    @Column(name = "read_at")
    private Instant readAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "email_state", nullable = false, length = 10)
    private EmailState emailState;

    @Column(name = "dedupe_key", nullable = false, unique = true, length = 200)
    private String dedupeKey;

    protected Notification() {
    }

    public Notification(long accountId, String username, NotificationKind kind, Long deliveryId, DeliveryStatus status,
                        String title, String detail, Instant createdAt, boolean inApp, EmailState emailState,
                        String dedupeKey) {
        this.accountId = accountId;
        this.username = username;
        this.kind = kind;
        this.deliveryId = deliveryId;
        this.status = status;
        this.title = clip(title, 300);
        this.detail = clip(detail, 1000);
        this.createdAt = createdAt;
        this.inApp = inApp;
        this.emailState = emailState;
        this.dedupeKey = dedupeKey;
    }

    /** The key that makes a notification unique: one per delivery, status and user. */
    public static String deliveryKey(long deliveryId, DeliveryStatus status, String username) {
        return "delivery:" + deliveryId + ":" + status + ":" + username;
    }

    /** One per stuck-queue episode (named by its backlog and start) and admin. */
    public static String stuckKey(long accountId, Backlog backlog, Instant episodeStart, String username) {
        String prefix = backlog == Backlog.PENDING ? "stuck:" : "stuck-" + backlog.name().toLowerCase() + ":";
        return prefix + accountId + ":" + episodeStart.toEpochMilli() + ":" + username;
    }

    public void emailed() {
        emailState = EmailState.SENT;
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    public Long getId() { return id; }
    public Long getAccountId() { return accountId; }
    public String getUsername() { return username; }
    public NotificationKind getKind() { return kind; }
    public Long getDeliveryId() { return deliveryId; }
    public DeliveryStatus getStatus() { return status; }
    public String getTitle() { return title; }
    public String getDetail() { return detail; }
    public Instant getCreatedAt() { return createdAt; }
    public boolean isInApp() { return inApp; }
    public Instant getReadAt() { return readAt; }
    public EmailState getEmailState() { return emailState; }
}
