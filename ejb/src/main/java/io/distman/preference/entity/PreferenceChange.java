package io.distman.preference.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** The audit trail of an address's preferences: one row per field changed, old and new value, who and when. Append-only. */
@Entity
@Table(name = "preference_change")
@NamedQuery(name = PreferenceChange.OF_ADDRESS,
        query = "SELECT c FROM PreferenceChange c WHERE c.accountId = :accountId AND c.address = :address"
                + " ORDER BY c.changedAt DESC, c.id DESC")
public class PreferenceChange {

    public static final String OF_ADDRESS = "PreferenceChange.ofAddress";

    @Id
    @SequenceGenerator(name = "preference_change_seq", sequenceName = "preference_change_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "preference_change_seq")
    private Long id;

    @Column(name = "account_id", nullable = false)
    private Long accountId;

    @Column(nullable = false, length = 320)
    private String address;

    @Column(nullable = false, length = 20)
    private String field;

    @Column(name = "old_value", length = 100)
    private String oldValue;

    @Column(name = "new_value", length = 100)
    private String newValue;

    @Column(name = "changed_by", nullable = false, length = 200)
    private String changedBy;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    protected PreferenceChange() {
    }

    public PreferenceChange(long accountId, String address, String field, String oldValue, String newValue,
                            String changedBy, Instant changedAt) {
        this.accountId = accountId;
        this.address = address;
        this.field = field;
        this.oldValue = oldValue;
        this.newValue = newValue;
        this.changedBy = changedBy;
        this.changedAt = changedAt;
    }

    public String getField() { return field; }
    public String getOldValue() { return oldValue; }
    public String getNewValue() { return newValue; }
    public String getChangedBy() { return changedBy; }
    public Instant getChangedAt() { return changedAt; }
}
