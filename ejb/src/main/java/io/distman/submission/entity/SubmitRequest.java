package io.distman.submission.entity;

import io.distman.message.entity.Category;
import io.distman.message.entity.Priority;
import jakarta.json.bind.annotation.JsonbCreator;
import jakarta.json.bind.annotation.JsonbProperty;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything a back-office module hands over to send one email. Only account, raisedBy, category,
 * sender, at least one recipient, subject and a body are required. A class, not a record: GlassFish's
 * ORB copies and marshals remote-call arguments field by field with Unsafe, which records forbid.
 *
 * <br>{@code account}: the account (agency) code the mail belongs to
 * <br>{@code raisedBy}: the user on whose behalf it is sent
 * <br>{@code sourceModule}: the calling module, e.g. {@code demand}
 * <br>{@code sourceRef}: what in that module it is about, e.g. {@code 4711}
 * <br>{@code headers}: extra headers (names such as {@code X-Case-Id}); standard headers are refused
 * <br>{@code sendAt}: not before this time; null or past for now
 * <br>{@code idempotencyKey}: the same key twice in one account returns the first submission
 * <br>{@code essentialReason}: for ESSENTIAL mail, why it must reach recipients who opted out (kept in their timeline)
 */
public final class SubmitRequest implements Serializable {

    private static final long serialVersionUID = 1L;

    public final String account;
    public final String raisedBy;
    public final String sourceModule;
    public final String sourceRef;
    public final Category category;
    public final Priority priority;
    public final SenderInput sender;
    public final List<RecipientInput> to;
    public final List<RecipientInput> cc;
    public final List<RecipientInput> bcc;
    public final String subject;
    public final String htmlBody;
    public final String textBody;
    public final List<AttachmentInput> attachments;
    public final Map<String, String> headers;
    public final Instant sendAt;
    public final String idempotencyKey;
    public final String essentialReason;

    @JsonbCreator
    public SubmitRequest(@JsonbProperty("account") String account,
            @JsonbProperty("raisedBy") String raisedBy,
            @JsonbProperty("sourceModule") String sourceModule,
            @JsonbProperty("sourceRef") String sourceRef,
            @JsonbProperty("category") Category category,
            @JsonbProperty("priority") Priority priority,
            @JsonbProperty("sender") SenderInput sender,
            @JsonbProperty("to") List<RecipientInput> to,
            @JsonbProperty("cc") List<RecipientInput> cc,
            @JsonbProperty("bcc") List<RecipientInput> bcc,
            @JsonbProperty("subject") String subject,
            @JsonbProperty("htmlBody") String htmlBody,
            @JsonbProperty("textBody") String textBody,
            @JsonbProperty("attachments") List<AttachmentInput> attachments,
            @JsonbProperty("headers") Map<String, String> headers,
            @JsonbProperty("sendAt") Instant sendAt,
            @JsonbProperty("idempotencyKey") String idempotencyKey,
            @JsonbProperty("essentialReason") String essentialReason) {
        this.account = account;
        this.raisedBy = raisedBy;
        this.sourceModule = sourceModule;
        this.sourceRef = sourceRef;
        this.category = category;
        this.priority = priority;
        this.sender = sender;
        this.to = to;
        this.cc = cc;
        this.bcc = bcc;
        this.subject = subject;
        this.htmlBody = htmlBody;
        this.textBody = textBody;
        this.attachments = attachments;
        this.headers = headers;
        this.sendAt = sendAt;
        this.idempotencyKey = idempotencyKey;
        this.essentialReason = essentialReason;
    }

    /** The constructor as it was before {@code essentialReason}, for callers compiled against it. */
    public SubmitRequest(String account, String raisedBy, String sourceModule, String sourceRef, Category category,
            Priority priority, SenderInput sender, List<RecipientInput> to, List<RecipientInput> cc,
            List<RecipientInput> bcc, String subject, String htmlBody, String textBody, List<AttachmentInput> attachments,
            Map<String, String> headers, Instant sendAt, String idempotencyKey) {
        this(account, raisedBy, sourceModule, sourceRef, category, priority, sender, to, cc, bcc, subject, htmlBody,
                textBody, attachments, headers, sendAt, idempotencyKey, null);
    }

    public String account() {
        return account;
    }

    public String raisedBy() {
        return raisedBy;
    }

    public String sourceModule() {
        return sourceModule;
    }

    public String sourceRef() {
        return sourceRef;
    }

    public Category category() {
        return category;
    }

    public Priority priority() {
        return priority;
    }

    public SenderInput sender() {
        return sender;
    }

    public List<RecipientInput> to() {
        return to;
    }

    public List<RecipientInput> cc() {
        return cc;
    }

    public List<RecipientInput> bcc() {
        return bcc;
    }

    public String subject() {
        return subject;
    }

    public String htmlBody() {
        return htmlBody;
    }

    public String textBody() {
        return textBody;
    }

    public List<AttachmentInput> attachments() {
        return attachments;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public Instant sendAt() {
        return sendAt;
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }

    public String essentialReason() {
        return essentialReason;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SubmitRequest o && java.util.Objects.equals(account, o.account) && java.util.Objects.equals(raisedBy, o.raisedBy) && java.util.Objects.equals(sourceModule, o.sourceModule) && java.util.Objects.equals(sourceRef, o.sourceRef) && java.util.Objects.equals(category, o.category) && java.util.Objects.equals(priority, o.priority) && java.util.Objects.equals(sender, o.sender) && java.util.Objects.equals(to, o.to) && java.util.Objects.equals(cc, o.cc) && java.util.Objects.equals(bcc, o.bcc) && java.util.Objects.equals(subject, o.subject) && java.util.Objects.equals(htmlBody, o.htmlBody) && java.util.Objects.equals(textBody, o.textBody) && java.util.Objects.equals(attachments, o.attachments) && java.util.Objects.equals(headers, o.headers) && java.util.Objects.equals(sendAt, o.sendAt) && java.util.Objects.equals(idempotencyKey, o.idempotencyKey) && java.util.Objects.equals(essentialReason, o.essentialReason);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(account, raisedBy, sourceModule, sourceRef, category, priority, sender, to, cc, bcc, subject, htmlBody, textBody, attachments, headers, sendAt, idempotencyKey, essentialReason);
    }

    @Override
    public String toString() {
        return "SubmitRequest[" + "account=" + account + ", " + "raisedBy=" + raisedBy + ", " + "sourceModule=" + sourceModule + ", " + "sourceRef=" + sourceRef + ", " + "category=" + category + ", " + "priority=" + priority + ", " + "sender=" + sender + ", " + "to=" + to + ", " + "cc=" + cc + ", " + "bcc=" + bcc + ", " + "subject=" + subject + ", " + "htmlBody=" + htmlBody + ", " + "textBody=" + textBody + ", " + "attachments=" + attachments + ", " + "headers=" + headers + ", " + "sendAt=" + sendAt + ", " + "idempotencyKey=" + idempotencyKey + ", " + "essentialReason=" + essentialReason + "]";
    }

    public SubmitRequest withAccount(String accountCode) {
        return new SubmitRequest(accountCode, raisedBy, sourceModule, sourceRef, category, priority, sender, to, cc,
                bcc, subject, htmlBody, textBody, attachments, headers, sendAt, idempotencyKey, essentialReason);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** For Java callers: fills the record field by field. */
    public static final class Builder {
        private String account;
        private String raisedBy;
        private String sourceModule;
        private String sourceRef;
        private Category category = Category.TRANSACTIONAL;
        private Priority priority = Priority.NORMAL;
        private SenderInput sender;
        private List<RecipientInput> to = List.of();
        private List<RecipientInput> cc = List.of();
        private List<RecipientInput> bcc = List.of();
        private String subject;
        private String htmlBody;
        private String textBody;
        private List<AttachmentInput> attachments = List.of();
        private Map<String, String> headers = Map.of();
        private Instant sendAt;
        private String idempotencyKey;
        private String essentialReason;

        public Builder account(String v) { account = v; return this; }
        public Builder raisedBy(String v) { raisedBy = v; return this; }
        public Builder source(String module, String ref) { sourceModule = module; sourceRef = ref; return this; }
        public Builder category(Category v) { category = v; return this; }
        public Builder priority(Priority v) { priority = v; return this; }
        public Builder sender(String address, String name) { sender = SenderInput.of(address, name); return this; }
        public Builder sender(SenderInput v) { sender = v; return this; }
        public Builder to(String... addresses) { to = recipients(addresses); return this; }
        public Builder to(List<RecipientInput> v) { to = v; return this; }
        public Builder cc(String... addresses) { cc = recipients(addresses); return this; }
        public Builder bcc(String... addresses) { bcc = recipients(addresses); return this; }
        public Builder subject(String v) { subject = v; return this; }
        public Builder html(String v) { htmlBody = v; return this; }
        public Builder text(String v) { textBody = v; return this; }
        public Builder attachments(List<AttachmentInput> v) { attachments = v; return this; }
        public Builder headers(Map<String, String> v) { headers = v; return this; }
        public Builder sendAt(Instant v) { sendAt = v; return this; }
        public Builder idempotencyKey(String v) { idempotencyKey = v; return this; }
        public Builder essentialReason(String v) { essentialReason = v; return this; }

        private static List<RecipientInput> recipients(String... addresses) {
            return java.util.Arrays.stream(addresses).map(RecipientInput::of).toList();
        }

        public SubmitRequest build() {
            return new SubmitRequest(account, raisedBy, sourceModule, sourceRef, category, priority, sender, to, cc,
                    bcc, subject, htmlBody, textBody, attachments, headers, sendAt, idempotencyKey, essentialReason);
        }
    }
}
