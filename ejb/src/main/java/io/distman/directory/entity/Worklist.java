package io.distman.directory.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A saved list of contacts, per account: built from a filter, then edited by hand. */
@Entity
@Table(name = "worklist")
@NamedQuery(name = Worklist.OF_ACCOUNT, query = "SELECT w FROM Worklist w WHERE w.accountId = :accountId ORDER BY w.name")
@NamedQuery(name = Worklist.BY_ID_IN_ACCOUNT, query = "SELECT w FROM Worklist w WHERE w.id = :id AND w.accountId = :accountId")
@NamedQuery(name = Worklist.BY_NAME, query = "SELECT w FROM Worklist w WHERE w.accountId = :accountId AND w.name = :name")
public class Worklist {

    public static final String OF_ACCOUNT = "Worklist.ofAccount";
    public static final String BY_ID_IN_ACCOUNT = "Worklist.byIdInAccount";
    public static final String BY_NAME = "Worklist.byName";

    @Id
    @SequenceGenerator(name = "worklist_seq", sequenceName = "worklist_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "worklist_seq")
    private Long id;

    @Column(name = "account_id", nullable = false)
    private Long accountId;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(name = "created_by", nullable = false, length = 100)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Worklist() {
    }

    public Worklist(long accountId, String name, String createdBy, Instant createdAt) {
        this.accountId = accountId;
        this.name = name;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public Long getId() { return id; }
    public Long getAccountId() { return accountId; }
    public String getName() { return name; }
    public String getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
}
