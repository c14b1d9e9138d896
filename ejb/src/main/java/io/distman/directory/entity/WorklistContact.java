package io.distman.directory.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;

/** One contact on a worklist, by the host's contact id. */
@Entity
@Table(name = "worklist_contact")
@IdClass(WorklistContact.Key.class)
@NamedQuery(name = WorklistContact.MEMBERS_AFTER, query = "SELECT wc.contactId FROM WorklistContact wc, Worklist w"
        + " WHERE w.id = wc.worklistId AND w.accountId = :accountId AND wc.worklistId = :worklistId"
        + " AND wc.contactId > :after ORDER BY wc.contactId")
@NamedQuery(name = WorklistContact.COUNT, query = "SELECT COUNT(wc) FROM WorklistContact wc WHERE wc.worklistId = :worklistId")
@NamedQuery(name = WorklistContact.REMOVE, query = "DELETE FROM WorklistContact wc WHERE wc.worklistId = :worklistId AND wc.contactId = :contactId")
public class WorklistContact {

    public static final String MEMBERS_AFTER = "WorklistContact.membersAfter";
    public static final String COUNT = "WorklistContact.count";
    public static final String REMOVE = "WorklistContact.remove";

    @Id
    @Column(name = "worklist_id")
    private Long worklistId;

    @Id
    @Column(name = "contact_id")
    private Long contactId;

    protected WorklistContact() {
    }

    public WorklistContact(long worklistId, long contactId) {
        this.worklistId = worklistId;
        this.contactId = contactId;
    }

    public Long getWorklistId() { return worklistId; }
    public Long getContactId() { return contactId; }

    public record Key(Long worklistId, Long contactId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
