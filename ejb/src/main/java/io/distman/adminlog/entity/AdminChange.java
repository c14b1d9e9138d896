package io.distman.adminlog.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One change to an account's set-up (or, with no account, to the installation). Values are as a person
 * reads them ("SMTP relay smtp.example.org:587 STARTTLS, AUTH as billing"), never a secret: a password or
 * key appears only as "set".
 */
@Entity
@Table(name = "admin_change")
@NamedQuery(name = AdminChange.OF_ACCOUNT,
        query = "SELECT c FROM AdminChange c WHERE c.accountId = :accountId ORDER BY c.occurredAt DESC, c.id DESC")
@NamedQuery(name = AdminChange.COUNT_OF_ACCOUNT, query = "SELECT COUNT(c) FROM AdminChange c WHERE c.accountId = :accountId")
@NamedQuery(name = AdminChange.OF_INSTALLATION,
        query = "SELECT c FROM AdminChange c ORDER BY c.occurredAt DESC, c.id DESC")
@NamedQuery(name = AdminChange.COUNT_OF_INSTALLATION, query = "SELECT COUNT(c) FROM AdminChange c")
public class AdminChange {

    public static final String OF_ACCOUNT = "AdminChange.ofAccount";
    public static final String COUNT_OF_ACCOUNT = "AdminChange.countOfAccount";
    public static final String OF_INSTALLATION = "AdminChange.ofInstallation";
    public static final String COUNT_OF_INSTALLATION = "AdminChange.countOfInstallation";

    /** Column sizes; longer values are cut with an ellipsis, since the log must never refuse a change. */
    public static final int ACTOR_LENGTH = 300;
    public static final int ACTION_LENGTH = 100;
    public static final int SUBJECT_LENGTH = 320;
    public static final int VALUE_LENGTH = 1000;

    @Id
    @SequenceGenerator(name = "admin_change_seq", sequenceName = "admin_change_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "admin_change_seq")
    private Long id;

    /** Null for a change to the installation itself (an account created or closed by the operator). */
    @Column(name = "account_id")
    private Long accountId;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(nullable = false, length = ACTOR_LENGTH)
    private String actor;

    @Column(nullable = false, length = ACTION_LENGTH)
    private String action;

    @Column(length = SUBJECT_LENGTH)
    private String subject;

    @Column(name = "before_value", length = VALUE_LENGTH)
    private String before;

    @Column(name = "after_value", length = VALUE_LENGTH)
    private String after;

    protected AdminChange() {
    }

    public AdminChange(Long accountId, Instant occurredAt, String actor, String action, String subject, String before,
                       String after) {
        this.accountId = accountId;
        this.occurredAt = occurredAt;
        this.actor = cut(actor, ACTOR_LENGTH);
        this.action = cut(action, ACTION_LENGTH);
        this.subject = cut(subject, SUBJECT_LENGTH);
        this.before = cut(before, VALUE_LENGTH);
        this.after = cut(after, VALUE_LENGTH);
    }

    private static String cut(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length - 1) + "…";
    }

    public Long getId() { return id; }
    public Long getAccountId() { return accountId; }
    public Instant getOccurredAt() { return occurredAt; }
    public String getActor() { return actor; }
    public String getAction() { return action; }
    public String getSubject() { return subject; }
    public String getBefore() { return before; }
    public String getAfter() { return after; }
}
