package io.distman.serial.entity;

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
 * A signature appended to serial mail: a user's own or a sender identity's, within one account. The HTML is stored
 * only after jsoup has cleaned it, which is why a merge may insert it unescaped.
 */
@Entity
@Table(name = "mail_signature")
@NamedQuery(name = MailSignature.OF_OWNERS, query = "SELECT s FROM MailSignature s WHERE s.accountId = :accountId"
        + " AND s.ownerKind = :kind AND s.owner IN :owners")
public class MailSignature {

    public static final String OF_OWNERS = "MailSignature.ofOwners";

    @Id
    @SequenceGenerator(name = "mail_signature_seq", sequenceName = "mail_signature_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mail_signature_seq")
    private Long id;

    @Column(name = "account_id", nullable = false)
    private Long accountId;

    @Enumerated(EnumType.STRING)
    @Column(name = "owner_kind", nullable = false, length = 10)
    private SignatureOwner ownerKind;

    @Column(nullable = false, length = 320)
    private String owner;

    @Lob
    @Column(name = "html_body", nullable = false)
    private String htmlBody;

    @Lob
    @Column(name = "text_body", nullable = false)
    private String textBody;

    @Column(name = "updated_by", nullable = false, length = 100)
    private String updatedBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected MailSignature() {
    }

    public MailSignature(long accountId, SignatureOwner ownerKind, String owner) {
        this.accountId = accountId;
        this.ownerKind = ownerKind;
        this.owner = owner;
    }

    /** @param html already sanitised; @param text plain text */
    public void change(String html, String text, String by, Instant at) {
        this.htmlBody = html;
        this.textBody = text;
        this.updatedBy = by;
        this.updatedAt = at;
    }

    public SignatureView view() {
        return new SignatureView(ownerKind, owner, htmlBody, textBody, updatedBy, updatedAt);
    }

    public String getOwner() { return owner; }
    public String getHtmlBody() { return htmlBody; }
    public String getTextBody() { return textBody; }
}
