package io.distman.message.entity;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** The bytes of an attached file, stored once per account and SHA-256 however often it is sent. */
@Entity
@Table(name = "attachment")
@NamedQuery(name = Attachment.BY_HASH,
        query = "SELECT a FROM Attachment a WHERE a.accountId = :accountId AND a.sha256 = :sha256")
public class Attachment {

    public static final String BY_HASH = "Attachment.byHash";

    @Id
    @SequenceGenerator(name = "attachment_seq", sequenceName = "attachment_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "attachment_seq")
    private Long id;

    @Column(name = "account_id", nullable = false)
    private Long accountId;

    @Column(nullable = false, length = 64)
    private String sha256;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    private byte[] content;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Attachment() {
    }

    public Attachment(Long accountId, String sha256, byte[] content, Instant createdAt) {
        this.accountId = accountId;
        this.sha256 = sha256;
        this.sizeBytes = content.length;
        this.content = content;
        this.createdAt = createdAt;
    }

    public Long getId() { return id; }
    public Long getAccountId() { return accountId; }
    public String getSha256() { return sha256; }
    public long getSizeBytes() { return sizeBytes; }
    public byte[] getContent() { return content; }
}
