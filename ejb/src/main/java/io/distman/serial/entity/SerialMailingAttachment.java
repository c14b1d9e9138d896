package io.distman.serial.entity;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;

/**
 * A file every message of the mailing carries. Kept with the mailing until its messages are created; each message
 * then stores it through submission, which keeps one copy per account and SHA-256 however many recipients.
 */
@Entity
@Table(name = "serial_mailing_attachment")
@IdClass(SerialMailingAttachment.Key.class)
@NamedQuery(name = SerialMailingAttachment.OF_MAILING,
        query = "SELECT a FROM SerialMailingAttachment a WHERE a.mailingId = :mailingId ORDER BY a.fileIndex")
public class SerialMailingAttachment {

    public static final String OF_MAILING = "SerialMailingAttachment.ofMailing";

    @Id
    @Column(name = "mailing_id")
    private Long mailingId;

    @Id
    @Column(name = "file_index")
    private Integer fileIndex;

    @Column(nullable = false, length = 255)
    private String filename;

    @Column(name = "content_type", nullable = false, length = 255)
    private String contentType;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    private byte[] content;

    protected SerialMailingAttachment() {
    }

    public SerialMailingAttachment(long mailingId, int fileIndex, String filename, String contentType, byte[] content) {
        this.mailingId = mailingId;
        this.fileIndex = fileIndex;
        this.filename = filename;
        this.contentType = contentType;
        this.content = content;
    }

    public String getFilename() { return filename; }
    public String getContentType() { return contentType; }
    public byte[] getContent() { return content; }

    public record Key(Long mailingId, Integer fileIndex) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
