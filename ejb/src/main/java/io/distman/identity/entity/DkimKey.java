package io.distman.identity.entity;

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
 * One DKIM key pair of an account's domain. The private key is stored sealed with the installation key
 * (see {@code SecretBox}); the public key is what the admin publishes under the selector. After a rotation
 * the new key signs and the old one stays (not signing, still listed for DNS) until the admin retires it,
 * because mail signed with it may still be in transit or re-checked by receivers.
 */
@Entity
@Table(name = "dkim_key")
@NamedQuery(name = DkimKey.OF_ACCOUNT, query = "SELECT k FROM DkimKey k WHERE k.accountId = :accountId"
        + " AND k.retiredAt IS NULL ORDER BY k.domain, k.createdAt DESC, k.id DESC")
@NamedQuery(name = DkimKey.SIGNING, query = "SELECT k FROM DkimKey k WHERE k.accountId = :accountId"
        + " AND k.domain = :domain AND k.signing = TRUE AND k.retiredAt IS NULL")
public class DkimKey {

    public static final String OF_ACCOUNT = "DkimKey.ofAccount";
    public static final String SIGNING = "DkimKey.signing";

    @Id
    @SequenceGenerator(name = "dkim_key_seq", sequenceName = "dkim_key_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "dkim_key_seq")
    private Long id;

    @Column(name = "account_id", nullable = false)
    private Long accountId;

    @Column(nullable = false, length = 255)
    private String domain;

    @Column(nullable = false, length = 63)
    private String selector;

    /** Base64 of the X.509 SubjectPublicKeyInfo: the p= of the DNS record. */
    @Column(name = "public_key", nullable = false, length = 1000)
    private String publicKey;

    /** The PKCS#8 private key in base64, sealed; opened only where mail is signed. */
    @Column(name = "private_key_sealed", nullable = false, length = 4000)
    private String privateKeySealed;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private boolean signing;

    @Column(name = "retired_at")
    private Instant retiredAt;

    protected DkimKey() {
    }

    public DkimKey(long accountId, String domain, String selector, String publicKey, String privateKeySealed, Instant now) {
        this.accountId = accountId;
        this.domain = domain;
        this.selector = selector;
        this.publicKey = publicKey;
        this.privateKeySealed = privateKeySealed;
        this.createdAt = now;
        this.signing = true;
    }

    /** The purpose a private key is sealed for: bound to account, domain and selector, so it opens nowhere else. */
    public static String sealPurpose(long accountId, String domain, String selector) {
        return "dkim:" + accountId + ":" + domain + ":" + selector;
    }

    public String sealPurpose() {
        return sealPurpose(accountId, domain, selector);
    }

    /** Replaced by a newer key: no longer signs, still published. */
    public void superseded() {
        this.signing = false;
    }

    public void retire(Instant now) {
        this.signing = false;
        this.retiredAt = now;
    }

    /** The DNS record of this key: {@code <selector>._domainkey.<domain> TXT "v=DKIM1; k=rsa; p=..."}. */
    public DnsRecord dnsRecord() {
        return new DnsRecord(selector + "._domainkey." + domain, "TXT", "v=DKIM1; k=rsa; p=" + publicKey,
                signing ? "dkim" : "dkim-previous");
    }

    public Long getId() {
        return id;
    }

    public Long getAccountId() {
        return accountId;
    }

    public String getDomain() {
        return domain;
    }

    public String getSelector() {
        return selector;
    }

    public String getPublicKey() {
        return publicKey;
    }

    public String getPrivateKeySealed() {
        return privateKeySealed;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public boolean isSigning() {
        return signing;
    }

    public Instant getRetiredAt() {
        return retiredAt;
    }
}
