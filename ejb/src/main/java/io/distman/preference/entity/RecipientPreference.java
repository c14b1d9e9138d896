package io.distman.preference.entity;

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
 * One recipient address's preferences in one account. The address is kept lower-cased: preferences match an address
 * whatever case a sender writes it in. {@code nextDigestAt} is when the digest job next mails what was held (null
 * without a digest).
 */
@Entity
@Table(name = "recipient_preference")
@NamedQuery(name = RecipientPreference.OF_ADDRESSES,
        query = "SELECT p FROM RecipientPreference p WHERE p.accountId = :accountId AND p.address IN :addresses")
@NamedQuery(name = RecipientPreference.SEARCH,
        query = "SELECT p FROM RecipientPreference p WHERE p.accountId = :accountId AND p.address LIKE :address ESCAPE '!'"
                + " ORDER BY p.address")
@NamedQuery(name = RecipientPreference.DIGEST_DUE,
        query = "SELECT p FROM RecipientPreference p WHERE p.nextDigestAt <= :now ORDER BY p.nextDigestAt, p.id")
public class RecipientPreference {

    public static final String OF_ADDRESSES = "RecipientPreference.ofAddresses";
    public static final String SEARCH = "RecipientPreference.search";
    public static final String DIGEST_DUE = "RecipientPreference.digestDue";

    @Id
    @SequenceGenerator(name = "recipient_preference_seq", sequenceName = "recipient_preference_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "recipient_preference_seq")
    private Long id;

    @Column(name = "account_id", nullable = false)
    private Long accountId;

    @Column(nullable = false, length = 320)
    private String address;

    @Column(name = "opted_out", nullable = false)
    private boolean optedOut;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private DigestFrequency digest;

    @Column(name = "digest_weekday", length = 10)
    private String digestWeekday;

    @Column(name = "digest_time", length = 5)
    private String digestTime;

    @Column(name = "digest_zone", length = 64)
    private String digestZone;

    @Column(name = "next_digest_at")
    private Instant nextDigestAt;

    @Column(name = "changed_by", nullable = false, length = 200)
    private String changedBy;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    protected RecipientPreference() {
    }

    public RecipientPreference(long accountId, String lowerCaseAddress) {
        this.accountId = accountId;
        this.address = lowerCaseAddress;
        this.digest = DigestFrequency.NONE;
    }

    /** Sets every field at once (the screen and the API send the whole preference), stamped with who and when. */
    public void set(boolean optedOut, DigestFrequency digest, String weekday, String time, String zone, Instant nextDigestAt,
                    String by, Instant at) {
        this.optedOut = optedOut;
        this.digest = digest;
        this.digestWeekday = weekday;
        this.digestTime = time;
        this.digestZone = zone;
        this.nextDigestAt = nextDigestAt;
        this.changedBy = by;
        this.changedAt = at;
    }

    /** The digest job's turn is done: the next one is due then. */
    public void digestDone(Instant next) {
        this.nextDigestAt = next;
    }

    public Long getId() { return id; }
    public Long getAccountId() { return accountId; }
    public String getAddress() { return address; }
    public boolean isOptedOut() { return optedOut; }
    public DigestFrequency getDigest() { return digest; }
    public String getDigestWeekday() { return digestWeekday; }
    public String getDigestTime() { return digestTime; }
    public String getDigestZone() { return digestZone; }
    public Instant getNextDigestAt() { return nextDigestAt; }
    public String getChangedBy() { return changedBy; }
    public Instant getChangedAt() { return changedAt; }
}
