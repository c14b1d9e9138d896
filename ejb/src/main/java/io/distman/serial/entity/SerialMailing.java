package io.distman.serial.entity;

import io.distman.directory.entity.ContactFilter;
import io.distman.directory.entity.ContactSelection;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One serial mailing: what is sent (subject and bodies copied from the template when it was created, so editing
 * the template later changes nothing already under way), from whom, to which selection, and how far the creation of
 * its messages has come ({@code lastContactId}, advanced with each committed chunk).
 */
@Entity
@Table(name = "serial_mailing")
@NamedQuery(name = SerialMailing.OF_ACCOUNT,
        query = "SELECT m FROM SerialMailing m WHERE m.accountId = :accountId ORDER BY m.createdAt DESC, m.id DESC")
@NamedQuery(name = SerialMailing.BY_ID_IN_ACCOUNT,
        query = "SELECT m FROM SerialMailing m WHERE m.id = :id AND m.accountId = :accountId")
@NamedQuery(name = SerialMailing.STALLED,
        query = "SELECT m.id FROM SerialMailing m WHERE m.status = io.distman.serial.entity.MailingStatus.CREATING"
                + " AND m.updatedAt < :before ORDER BY m.id")
@NamedQuery(name = SerialMailing.DELIVERY_COUNTS,
        query = "SELECT d.status, COUNT(d) FROM Delivery d WHERE d.message.serialMailingId = :mailingId"
                + " AND d.accountId = :accountId GROUP BY d.status")
@NamedQuery(name = SerialMailing.UNSENT_DELIVERIES,
        query = "SELECT d.id FROM Delivery d WHERE d.message.serialMailingId = :mailingId AND d.accountId = :accountId"
                + " AND d.status IN :statuses AND d.id > :after ORDER BY d.id")
@NamedQuery(name = SerialMailing.FORGET_TEMPLATE,
        query = "UPDATE SerialMailing m SET m.templateId = NULL WHERE m.templateId = :templateId AND m.accountId = :accountId")
public class SerialMailing {

    public static final String OF_ACCOUNT = "SerialMailing.ofAccount";
    public static final String BY_ID_IN_ACCOUNT = "SerialMailing.byIdInAccount";
    public static final String STALLED = "SerialMailing.stalled";
    public static final String DELIVERY_COUNTS = "SerialMailing.deliveryCounts";
    public static final String UNSENT_DELIVERIES = "SerialMailing.unsentDeliveries";
    public static final String FORGET_TEMPLATE = "SerialMailing.forgetTemplate";

    @Id
    @SequenceGenerator(name = "serial_mailing_seq", sequenceName = "serial_mailing_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "serial_mailing_seq")
    private Long id;

    @Column(name = "account_id", nullable = false)
    private Long accountId;

    @Column(name = "template_id")
    private Long templateId;

    @Column(nullable = false, length = 998)
    private String subject;

    @Lob
    @Column(name = "html_body")
    private String htmlBody;

    @Lob
    @Column(name = "text_body")
    private String textBody;

    /** The signature chosen when the mailing was created (sanitised then), copied like the template's text. */
    @Lob
    @Column(name = "signature_html")
    private String signatureHtml;

    @Lob
    @Column(name = "signature_text")
    private String signatureText;

    @Column(name = "sender_address", nullable = false, length = 320)
    private String senderAddress;

    @Column(name = "sender_name", length = 200)
    private String senderName;

    @Column(name = "contact_filter", length = 500)
    private String contactFilter;

    @Column(name = "worklist_id")
    private Long worklistId;

    @Column(name = "newsletter_only", nullable = false)
    private boolean newsletterOnly;

    @Column(nullable = false)
    private boolean activities;

    @Column(name = "send_at")
    private Instant sendAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private MailingStatus status;

    @Column(name = "last_contact_id", nullable = false)
    private long lastContactId;

    @Column(name = "created_by", nullable = false, length = 100)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected SerialMailing() {
    }

    public SerialMailing(long accountId, Long templateId, MergeSource source, String senderAddress, String senderName,
                         ContactSelection selection, boolean newsletterOnly, boolean activities, Instant sendAt,
                         String createdBy, Instant now) {
        this.accountId = accountId;
        this.templateId = templateId;
        this.subject = source.subject();
        this.htmlBody = source.htmlBody();
        this.textBody = source.textBody();
        this.signatureHtml = source.signatureHtml();
        this.signatureText = source.signatureText();
        this.senderAddress = senderAddress;
        this.senderName = senderName;
        this.contactFilter = selection.isWorklist() ? null : selection.filter().encode();
        this.worklistId = selection.worklistId();
        this.newsletterOnly = newsletterOnly;
        this.activities = activities;
        this.sendAt = sendAt;
        this.status = MailingStatus.CREATING;
        this.createdBy = createdBy;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public ContactSelection selection() {
        return worklistId != null ? ContactSelection.worklist(worklistId) : ContactSelection.of(ContactFilter.parse(contactFilter));
    }

    public MergeSource source() {
        return new MergeSource(subject, htmlBody, textBody, signatureHtml, signatureText);
    }

    /** The chunk up to {@code contactId} is committed with its messages. */
    public void advance(long contactId, Instant now) {
        this.lastContactId = contactId;
        this.updatedAt = now;
    }

    public void created(Instant now) {
        this.status = MailingStatus.CREATED;
        this.updatedAt = now;
    }

    public void cancelled(Instant now) {
        this.status = MailingStatus.CANCELLED;
        this.updatedAt = now;
    }

    public Long getId() { return id; }
    public Long getAccountId() { return accountId; }
    public Long getTemplateId() { return templateId; }
    public String getSubject() { return subject; }
    public String getSenderAddress() { return senderAddress; }
    public String getSenderName() { return senderName; }
    public Long getWorklistId() { return worklistId; }
    public boolean isNewsletterOnly() { return newsletterOnly; }
    public boolean isActivities() { return activities; }
    public Instant getSendAt() { return sendAt; }
    public MailingStatus getStatus() { return status; }
    public long getLastContactId() { return lastContactId; }
    public String getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
}
