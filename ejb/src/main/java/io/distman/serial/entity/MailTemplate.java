package io.distman.serial.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** An account's merge template: subject, HTML and/or text body with merge fields; a draft is not yet for sending. */
@Entity
@Table(name = "mail_template")
@NamedQuery(name = MailTemplate.OF_ACCOUNT, query = "SELECT t FROM MailTemplate t WHERE t.accountId = :accountId ORDER BY t.name")
@NamedQuery(name = MailTemplate.BY_ID_IN_ACCOUNT, query = "SELECT t FROM MailTemplate t WHERE t.id = :id AND t.accountId = :accountId")
@NamedQuery(name = MailTemplate.BY_NAME, query = "SELECT t FROM MailTemplate t WHERE t.accountId = :accountId AND t.name = :name")
public class MailTemplate {

    public static final String OF_ACCOUNT = "MailTemplate.ofAccount";
    public static final String BY_ID_IN_ACCOUNT = "MailTemplate.byIdInAccount";
    public static final String BY_NAME = "MailTemplate.byName";

    @Id
    @SequenceGenerator(name = "mail_template_seq", sequenceName = "mail_template_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mail_template_seq")
    private Long id;

    @Column(name = "account_id", nullable = false)
    private Long accountId;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(nullable = false, length = 998)
    private String subject;

    @Lob
    @Column(name = "html_body")
    private String htmlBody;

    @Lob
    @Column(name = "text_body")
    private String textBody;

    @Column(nullable = false)
    private boolean draft;

    @Column(name = "updated_by", nullable = false, length = 100)
    private String updatedBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected MailTemplate() {
    }

    public MailTemplate(long accountId) {
        this.accountId = accountId;
    }

    public void change(TemplateInput input, String by, Instant at) {
        this.name = input.name().strip();
        this.subject = input.subject().strip();
        this.htmlBody = TemplateInput.blankToNull(input.htmlBody());
        this.textBody = TemplateInput.blankToNull(input.textBody());
        this.draft = input.draft();
        this.updatedBy = by;
        this.updatedAt = at;
    }

    public TemplateView view() {
        return new TemplateView(id, name, subject, htmlBody, textBody, draft, updatedBy, updatedAt);
    }

    public Long getId() { return id; }
    public Long getAccountId() { return accountId; }
    public String getName() { return name; }
    public String getSubject() { return subject; }
    public String getHtmlBody() { return htmlBody; }
    public String getTextBody() { return textBody; }
    public boolean isDraft() { return draft; }
}
