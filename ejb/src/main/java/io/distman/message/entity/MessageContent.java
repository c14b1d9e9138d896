package io.distman.message.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * The archived bodies and custom headers of a message: exactly what went out, kept apart from the
 * audit tables so those stay narrow and bodies can be expired without losing the audit trail.
 */
@Entity
@Table(name = "message_content")
@NamedQuery(name = MessageContent.OF_MESSAGES, query = "SELECT c FROM MessageContent c WHERE c.messageId IN :messageIds")
public class MessageContent {

    public static final String OF_MESSAGES = "MessageContent.ofMessages";

    @Id
    @Column(name = "message_id")
    private Long messageId;

    // Eager: this entity exists only to be read when the bodies are wanted (render, view).
    @Lob
    @Column(name = "html_body")
    private String htmlBody;

    @Lob
    @Column(name = "text_body")
    private String textBody;

    /** Custom headers, one {@code Name: value} per line, validated free of CR/LF in names and values. */
    @Lob
    @Column(name = "headers")
    private String headers;

    protected MessageContent() {
    }

    public MessageContent(Long messageId, String htmlBody, String textBody, String headers) {
        this.messageId = messageId;
        this.htmlBody = htmlBody;
        this.textBody = textBody;
        this.headers = headers;
    }

    public Long getMessageId() { return messageId; }
    public String getHtmlBody() { return htmlBody; }
    public String getTextBody() { return textBody; }
    public String getHeaders() { return headers; }
}
