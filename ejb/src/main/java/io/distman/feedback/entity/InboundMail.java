package io.distman.feedback.entity;

import io.distman.bounce.entity.BounceKind;
import io.distman.bounce.entity.BounceReport;
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

/**
 * A returned message as received: kept (auto-replies, unsubscribe mail and mail that could not be
 * ingested too) so a classification can be checked later.
 */
@Entity
@Table(name = "inbound_mail")
@NamedQuery(name = InboundMail.BY_HASH, query = "SELECT m FROM InboundMail m WHERE m.sha256 = :sha256")
public class InboundMail {

    public static final String BY_HASH = "InboundMail.byHash";

    /** The kind of a message whose ingestion failed: kept with the error and never retried. */
    public static final String UNREADABLE = "unreadable";

    /** The kind of a mail to the List-Unsubscribe mailto address. */
    public static final String UNSUBSCRIBE = "unsubscribe";

    @Id
    @SequenceGenerator(name = "inbound_mail_seq", sequenceName = "inbound_mail_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "inbound_mail_seq")
    private Long id;

    @Column(nullable = false, length = 64)
    private String sha256;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Column(length = 60)
    private String format;

    @Column(nullable = false, length = 20)
    private String kind;

    @Column(nullable = false)
    private int recipients;

    @Column(nullable = false)
    private int matched;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    private byte[] raw;

    @Column(name = "ingest_error", length = 1000)
    private String ingestError;

    protected InboundMail() {
    }

    /** A message that is not a report to classify: an unsubscribe request, or one that failed ({@code error}). */
    public InboundMail(String sha256, Instant receivedAt, String kind, int recipients, byte[] raw, String error) {
        this.sha256 = sha256;
        this.receivedAt = receivedAt;
        this.kind = kind;
        this.recipients = recipients;
        this.raw = raw;
        this.ingestError = error == null || error.length() <= 1000 ? error : error.substring(0, 1000);
    }

    public InboundMail(String sha256, Instant receivedAt, BounceReport report, byte[] raw) {
        this.sha256 = sha256;
        this.receivedAt = receivedAt;
        this.format = report.format() == null || report.format().length() <= 60 ? report.format() : report.format().substring(0, 60);
        this.kind = report.recipients().isEmpty() ? BounceKind.UNKNOWN.label() : report.recipients().get(0).kind().label();
        this.recipients = report.recipients().size();
        this.raw = raw;
    }

    public void matched(int count) {
        this.matched = count;
    }

    public Long getId() { return id; }
    public String getSha256() { return sha256; }
    public String getKind() { return kind; }
    public int getRecipients() { return recipients; }
    public int getMatched() { return matched; }
    public String getIngestError() { return ingestError; }

    /** What this message came to, as reported to whoever hands it in again. */
    public BounceOutcome asDuplicate() {
        return new BounceOutcome(kind, recipients, matched, true);
    }
}
