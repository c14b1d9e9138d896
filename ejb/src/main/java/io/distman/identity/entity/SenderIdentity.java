package io.distman.identity.entity;

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
 * A domain or an address an account may send From once it is verified. The token is what the admin
 * publishes in DNS ({@link VerificationRecord}); it is random per identity, so proving a domain for one
 * account proves nothing for another.
 */
@Entity
@Table(name = "sender_identity")
@NamedQuery(name = SenderIdentity.OF_ACCOUNT,
        query = "SELECT i FROM SenderIdentity i WHERE i.accountId = :accountId ORDER BY i.domain, i.identityValue")
@NamedQuery(name = SenderIdentity.OF_VALUES,
        query = "SELECT i FROM SenderIdentity i WHERE i.accountId = :accountId"
                + " AND i.identityValue IN :values")
@NamedQuery(name = SenderIdentity.VERIFIED_VALUES,
        query = "SELECT i.identityValue FROM SenderIdentity i WHERE i.accountId = :accountId AND i.verifiedAt IS NOT NULL"
                + " ORDER BY i.domain, i.identityValue")
public class SenderIdentity {

    public static final String OF_ACCOUNT = "SenderIdentity.ofAccount";
    public static final String OF_VALUES = "SenderIdentity.ofValues";
    /** The domains and addresses an account may send From (a sender drop-down's choices). */
    public static final String VERIFIED_VALUES = "SenderIdentity.verifiedValues";

    @Id
    @SequenceGenerator(name = "sender_identity_seq", sequenceName = "sender_identity_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sender_identity_seq")
    private Long id;

    @Column(name = "account_id", nullable = false)
    private Long accountId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private IdentityKind kind;

    /** The domain (ASCII, lower case) or the whole address (lower case). */
    @Column(name = "identity_value", nullable = false, length = 320)
    private String identityValue; // not "value": a JPQL keyword

    /** The domain whose DNS proves the identity and whose DKIM key signs its mail. */
    @Column(nullable = false, length = 255)
    private String domain;

    @Column(nullable = false, length = 64)
    private String token;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "verified_at")
    private Instant verifiedAt;

    /** "dns" when the TXT record proved it, else who declared it verified (the installer). */
    @Column(name = "verified_by", length = 100)
    private String verifiedBy;

    @Column(name = "checked_at")
    private Instant checkedAt;

    /** What the last DNS check found, in words for the admin. */
    @Column(name = "check_result", length = 1000)
    private String checkResult;

    protected SenderIdentity() {
    }

    public SenderIdentity(long accountId, IdentityKind kind, String value, String domain, String token, Instant now) {
        this.accountId = accountId;
        this.kind = kind;
        this.identityValue = value;
        this.domain = domain;
        this.token = token;
        this.createdAt = now;
    }

    /** Records a DNS check: a found token verifies, a missing one withdraws the verification. */
    public void checked(boolean found, String result, Instant now) {
        this.checkedAt = now;
        this.checkResult = result;
        if (found && verifiedAt == null) {
            verified("dns", now);
        } else if (!found) {
            this.verifiedAt = null;
            this.verifiedBy = null;
        }
    }

    /** A check that could not be made (DNS timeout): says so and leaves the verification as it was. */
    public void checkFailed(String result, Instant now) {
        this.checkedAt = now;
        this.checkResult = result;
    }

    public void verified(String by, Instant now) {
        this.verifiedAt = now;
        this.verifiedBy = by;
    }

    public boolean isVerified() {
        return verifiedAt != null;
    }

    public VerificationRecord verificationRecord() {
        return VerificationRecord.of(domain, token);
    }

    public Long getId() {
        return id;
    }

    public Long getAccountId() {
        return accountId;
    }

    public IdentityKind getKind() {
        return kind;
    }

    public String getValue() {
        return identityValue;
    }

    public String getDomain() {
        return domain;
    }

    public String getToken() {
        return token;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getVerifiedAt() {
        return verifiedAt;
    }

    public String getVerifiedBy() {
        return verifiedBy;
    }

    public Instant getCheckedAt() {
        return checkedAt;
    }

    public String getCheckResult() {
        return checkResult;
    }
}
