package io.distman.message.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** One attached file of a message: its name and type as sent, its bytes shared in {@link Attachment}. */
@Entity
@Table(name = "message_attachment")
@IdClass(MessageAttachment.Key.class)
@NamedQuery(name = MessageAttachment.OF_MESSAGES,
        query = "SELECT ma FROM MessageAttachment ma JOIN FETCH ma.attachment "
                + "WHERE ma.messageId IN :messageIds ORDER BY ma.messageId, ma.ordinal")
public class MessageAttachment {

    public static final String OF_MESSAGES = "MessageAttachment.ofMessages";

    @Id
    @Column(name = "message_id")
    private Long messageId;

    @Id
    @Column(name = "ordinal")
    private int ordinal;

    @ManyToOne(optional = false)
    @JoinColumn(name = "attachment_id")
    private Attachment attachment;

    @Column(nullable = false, length = 255)
    private String filename;

    @Column(name = "content_type", nullable = false, length = 255)
    private String contentType;

    protected MessageAttachment() {
    }

    public MessageAttachment(Long messageId, int ordinal, Attachment attachment, String filename, String contentType) {
        this.messageId = messageId;
        this.ordinal = ordinal;
        this.attachment = attachment;
        this.filename = filename;
        this.contentType = contentType;
    }

    public Long getMessageId() { return messageId; }
    public int getOrdinal() { return ordinal; }
    public Attachment getAttachment() { return attachment; }
    public String getFilename() { return filename; }
    public String getContentType() { return contentType; }

    /** Composite key: the position of the file within its message. */
    public static class Key implements Serializable {
        private Long messageId;
        private int ordinal;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(messageId, k.messageId) && ordinal == k.ordinal;
        }

        @Override
        public int hashCode() {
            return Objects.hash(messageId, ordinal);
        }
    }
}
