package io.distman.submission.entity;

import io.distman.message.entity.Category;
import io.distman.message.entity.Priority;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything a back-office module hands over to send one email. Only account, raisedBy, category,
 * sender, at least one recipient, subject and a body are required.
 *
 * @param account        the account (agency) code the mail belongs to
 * @param raisedBy       the user on whose behalf it is sent
 * @param sourceModule   the calling module, e.g. {@code demand}
 * @param sourceRef      what in that module it is about, e.g. {@code 4711}
 * @param headers        extra headers (names such as {@code X-Case-Id}); standard headers are refused
 * @param sendAt         not before this time; null or past for now
 * @param idempotencyKey the same key twice in one account returns the first submission
 */
public record SubmitRequest(String account, String raisedBy, String sourceModule, String sourceRef,
                            Category category, Priority priority, SenderInput sender,
                            List<RecipientInput> to, List<RecipientInput> cc, List<RecipientInput> bcc,
                            String subject, String htmlBody, String textBody, List<AttachmentInput> attachments,
                            Map<String, String> headers, Instant sendAt, String idempotencyKey)
        implements Serializable {

    public SubmitRequest withAccount(String accountCode) {
        return new SubmitRequest(accountCode, raisedBy, sourceModule, sourceRef, category, priority, sender, to, cc,
                bcc, subject, htmlBody, textBody, attachments, headers, sendAt, idempotencyKey);
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

        private static List<RecipientInput> recipients(String... addresses) {
            return java.util.Arrays.stream(addresses).map(RecipientInput::of).toList();
        }

        public SubmitRequest build() {
            return new SubmitRequest(account, raisedBy, sourceModule, sourceRef, category, priority, sender, to, cc,
                    bcc, subject, htmlBody, textBody, attachments, headers, sendAt, idempotencyKey);
        }
    }
}
