package io.distman.serial.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;

/** What one selected contact got from a mailing: its outcome and, if one was made, its message. */
@Entity
@Table(name = "serial_recipient")
@IdClass(SerialRecipient.Key.class)
@NamedQuery(name = SerialRecipient.OF_MAILING,
        query = "SELECT r FROM SerialRecipient r WHERE r.mailingId = :mailingId ORDER BY r.contactId")
@NamedQuery(name = SerialRecipient.OUTCOME_COUNTS,
        query = "SELECT r.outcome, COUNT(r) FROM SerialRecipient r WHERE r.mailingId = :mailingId GROUP BY r.outcome")
@NamedQuery(name = SerialRecipient.STATUSES_OF_MESSAGES,
        query = "SELECT d.message.id, d.id, d.status FROM Delivery d WHERE d.message.id IN :messageIds AND d.accountId = :accountId")
@NamedQuery(name = SerialRecipient.CONTACTS_OF_MESSAGES,
        query = "SELECT r.messageId, r.contactId, m.newsletterOnly FROM SerialRecipient r, SerialMailing m"
                + " WHERE r.messageId IN :messageIds AND m.id = r.mailingId")
public class SerialRecipient {

    public static final String OF_MAILING = "SerialRecipient.ofMailing";
    public static final String OUTCOME_COUNTS = "SerialRecipient.outcomeCounts";
    public static final String STATUSES_OF_MESSAGES = "SerialRecipient.statusesOfMessages";
    /**
     * (message id, contact id, whether its mailing is for newsletter readers only) of a dispatch block's serial mail
     * (index serial_recipient_message).
     */
    public static final String CONTACTS_OF_MESSAGES = "SerialRecipient.contactsOfMessages";

    @Id
    @Column(name = "mailing_id")
    private Long mailingId;

    @Id
    @Column(name = "contact_id")
    private Long contactId;

    @Column(length = 300)
    private String name;

    @Column(length = 320)
    private String address;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private RecipientOutcome outcome;

    @Column(name = "message_id")
    private Long messageId;

    protected SerialRecipient() {
    }

    public SerialRecipient(long mailingId, long contactId, String name, String address, RecipientOutcome outcome,
                           Long messageId) {
        this.mailingId = mailingId;
        this.contactId = contactId;
        this.name = name == null || name.length() <= 300 ? name : name.substring(0, 300);
        this.address = address == null || address.length() <= 320 ? address : address.substring(0, 320);
        this.outcome = outcome;
        this.messageId = messageId;
    }

    public Long getContactId() { return contactId; }
    public String getName() { return name; }
    public String getAddress() { return address; }
    public RecipientOutcome getOutcome() { return outcome; }
    public Long getMessageId() { return messageId; }

    public record Key(Long mailingId, Long contactId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
