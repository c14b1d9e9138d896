package io.distman.serial.boundary;

import io.distman.account.boundary.CurrentUser;
import io.distman.directory.boundary.Worklists;
import io.distman.directory.entity.ContactFilter;
import io.distman.directory.entity.ContactRole;
import io.distman.directory.entity.DirectoryRefusedException;
import io.distman.directory.entity.WorklistView;
import io.distman.platform.entity.FieldError;
import io.distman.platform.entity.NotFoundException;
import io.distman.serial.control.AttachmentRules;
import io.distman.serial.entity.MailingCount;
import io.distman.serial.entity.MailingProgress;
import io.distman.serial.entity.MailingRequest;
import io.distman.serial.entity.MailingStatus;
import io.distman.serial.entity.MergeSource;
import io.distman.serial.entity.Preview;
import io.distman.serial.entity.RecipientResult;
import io.distman.serial.entity.SerialRefusedException;
import io.distman.serial.entity.SignatureInput;
import io.distman.serial.entity.SignatureView;
import io.distman.serial.entity.TemplateInput;
import io.distman.serial.entity.TemplateView;
import io.distman.submission.entity.AttachmentInput;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.file.UploadedFile;

/**
 * The Serial mail page: Compose (a template loaded or written, saved as draft or ready, "Format HTML", the sender,
 * a filter or a worklist, the count with its reasons and the newsletter warning, a preview for any contact with its
 * missing fields, attachments uploaded and removable before sending, send), Signature (the user's own; an admin's
 * for a sender identity) and Mailings (live progress, cancel, each contact's result). The account is the signed-in
 * user's; the EJBs check it against the caller.
 */
@Named("serial")
@ViewScoped
public class SerialBean implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    @EJB
    SerialMailings mailings;

    @EJB
    Templates templates;

    @EJB
    Worklists worklists;

    @EJB
    Signatures signatures;

    @Inject
    CurrentUser currentUser;

    private Long templateId;
    private String templateName;
    private boolean draft;
    private String subject;
    private String htmlBody;
    private String textBody;
    /** A verified identity of the account: an address, or a domain with {@link #senderLocalPart} before it. */
    private String senderIdentity;
    private String senderLocalPart;
    private String senderName;
    private ContactRole role;
    private String block;
    private Boolean inArrears;
    private Boolean hasEmail;
    private Long worklistId;
    private String worklistName;
    private boolean newsletterOnly = true;
    private boolean activities = true;
    private LocalDateTime sendAt;
    private Long previewContact;
    private MailingCount count;
    private Preview preview;
    private Long resultsOf;
    /** The view parameter {@code mailing}: links from the audit, History and View open that mailing's results. */
    private Long mailing;
    private int activeTab;
    /** The Mailings tab's index in serial.xhtml's tab view (Compose, Signature, Mailings). */
    private static final int MAILINGS_TAB = 2;
    private List<RecipientResult> results = List.of();
    /** Uploaded in Compose, kept with the view until sent (bounded by AttachmentRules: 10 files, 20 MiB). */
    private List<AttachmentInput> attachments = new ArrayList<>();
    private String signatureHtml;
    private String signatureText;
    private String identity;
    private String identityHtml;
    private String identityText;

    @PostConstruct
    void init() {
        signatures.mine(currentUser.accountId()).ifPresent(mine -> {
            signatureHtml = mine.htmlBody();
            signatureText = mine.textBody();
        });
    }

    public List<TemplateView> getTemplates() {
        return templates.templates(currentUser.accountId());
    }

    public List<WorklistView> getWorklists() {
        return worklists.worklists(currentUser.accountId());
    }

    public List<MailingProgress> getMailings() {
        return mailings.mailings(currentUser.accountId(), 0, 50);
    }

    public List<String> getSenderIdentities() {
        return mailings.senderIdentities(currentUser.accountId());
    }

    /** How the drop-down shows an identity: a domain as "@domain" (the name before it is typed), an address as is. */
    public String identityLabel(String identity) {
        return identity.contains("@") ? identity : "@" + identity;
    }

    /** Opens the Mailings tab on the linked mailing's results; another account's mailing is not found. */
    public void openMailing() {
        if (mailing == null) {
            return;
        }
        activeTab = MAILINGS_TAB;
        try {
            showResults(mailing);
        } catch (NotFoundException e) {
            resultsOf = null;
            FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN,
                    "No serial mailing " + mailing + " in this account", null));
        }
    }

    public ContactRole[] getRoles() {
        return ContactRole.values();
    }

    public void loadTemplate() {
        if (templateId == null) {
            return;
        }
        TemplateView t = templates.template(currentUser.accountId(), templateId);
        templateName = t.name();
        draft = t.draft();
        subject = t.subject();
        htmlBody = t.htmlBody();
        textBody = t.textBody();
    }

    public void saveTemplate() {
        refusals(() -> {
            TemplateView saved = templates.save(currentUser.accountId(), templateId,
                    new TemplateInput(templateName, subject, htmlBody, textBody, draft));
            templateId = saved.id();
            info("Template \"" + saved.name() + "\" saved" + (saved.draft() ? " as a draft" : ""));
            return saved;
        });
    }

    public void formatHtml() {
        htmlBody = templates.formatHtml(textBody);
    }

    /** The recipients' choice changed: the count shown answered for the earlier one, so it goes until counted again. */
    public void countIsStale() {
        count = null;
    }

    public void count() {
        count = refusals(() -> mailings.count(currentUser.accountId(), worklistId == null ? filter() : null, worklistId,
                newsletterOnly));
    }

    public void preview() {
        preview = refusals(() -> mailings.preview(currentUser.accountId(), null, source(), previewContact == null ? 0 : previewContact,
                senderAddress()));
        if (preview != null && !preview.missingFields().isEmpty()) {
            FacesContext.getCurrentInstance().addMessage("compose:previewMessages", new FacesMessage(FacesMessage.SEVERITY_WARN,
                    "Missing merge fields for this contact: " + String.join(", ", preview.missingFields()), null));
        }
    }

    public void createWorklist() {
        refusals(() -> {
            WorklistView list = worklists.createFromFilter(currentUser.accountId(), worklistName, filter());
            worklistId = list.id();
            info("Worklist \"" + list.name() + "\" holds " + list.contacts() + " contacts");
            return list;
        });
    }

    public void send() {
        refusals(() -> {
            MailingProgress created = mailings.create(currentUser.accountId(), new MailingRequest(null, source(),
                    senderAddress(), senderName, worklistId == null ? filter() : null, worklistId, newsletterOnly, activities,
                    sendAt == null ? null : sendAt.atZone(ZoneId.systemDefault()).toInstant(), List.copyOf(attachments)));
            attachments = new ArrayList<>();
            info("Serial mailing " + created.id() + " created: its messages are being made");
            return created;
        });
    }

    /** One uploaded file: kept only if the mailing's files, with it, still keep AttachmentRules; its name made safe. */
    public void upload(FileUploadEvent event) {
        UploadedFile file = event.getFile();
        List<AttachmentInput> next = new ArrayList<>(attachments);
        next.add(new AttachmentInput(file.getFileName(), file.getContentType(), file.getContent()));
        List<FieldError> errors = new ArrayList<>();
        List<AttachmentInput> safe = AttachmentRules.checked(next, errors);
        if (!errors.isEmpty()) {
            errors.forEach(SerialBean::error);
            return;
        }
        attachments = new ArrayList<>(safe);
        info("Attached " + safe.get(safe.size() - 1).filename());
    }

    public void removeAttachment(int index) {
        if (index >= 0 && index < attachments.size()) {
            attachments.remove(index);
        }
    }

    public String attachmentNames() {
        return attachments.stream().map(a -> a.filename() + " (" + size(a.content().length) + ")").collect(Collectors.joining(", "));
    }

    /** The file's size for the list (EL reads {@code content().length} as an array index, not the array's length). */
    public String sizeOf(AttachmentInput a) {
        return size(a.content().length);
    }

    static String size(long bytes) {
        return bytes < 1024 ? bytes + " B" : bytes < 1024 * 1024 ? (bytes + 1023) / 1024 + " KB" : String.format("%.1f MB", bytes / 1048576.0);
    }

    public void saveSignature() {
        refusals(() -> {
            var saved = signatures.saveMine(currentUser.accountId(), new SignatureInput(signatureHtml, signatureText));
            signatureHtml = saved.map(SignatureView::htmlBody).orElse(null);
            signatureText = saved.map(SignatureView::textBody).orElse(null);
            info(saved.isPresent() ? "Your signature is saved" : "Your signature is removed");
            return saved;
        });
    }

    public void loadIdentitySignature() {
        refusals(() -> {
            var stored = signatures.ofIdentity(currentUser.accountId(), identity);
            identityHtml = stored.map(SignatureView::htmlBody).orElse(null);
            identityText = stored.map(SignatureView::textBody).orElse(null);
            return stored;
        });
    }

    public void saveIdentitySignature() {
        refusals(() -> {
            var saved = signatures.saveForIdentity(currentUser.accountId(), identity, new SignatureInput(identityHtml, identityText));
            identityHtml = saved.map(SignatureView::htmlBody).orElse(null);
            identityText = saved.map(SignatureView::textBody).orElse(null);
            info(saved.isPresent() ? "The signature of " + identity.strip() + " is saved" : "The signature of " + identity.strip() + " is removed");
            return saved;
        });
    }

    public void cancel(long mailingId) {
        MailingProgress cancelled = mailings.cancel(currentUser.accountId(), mailingId);
        info("Mailing " + mailingId + " cancelled: " + cancelled.notSent() + " not sent");
    }

    public void showResults(long mailingId) {
        resultsOf = mailingId;
        results = mailings.recipients(currentUser.accountId(), mailingId, 0, 500);
    }

    public int percentDone(MailingProgress p) {
        return p.total() == 0 ? 0 : (int) Math.round(100.0 * (p.total() - p.queued()) / p.total());
    }

    public boolean cancellable(MailingProgress p) {
        return p.status() != MailingStatus.CANCELLED && (p.status() == MailingStatus.CREATING || p.queued() > 0);
    }

    public String time(Instant at) {
        return at == null ? "" : TIME.format(at.atZone(ZoneId.systemDefault()));
    }

    public String reasons() {
        return count == null ? "" : count.notReceiving().entrySet().stream()
                .map(e -> e.getKey().name() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    private ContactFilter filter() {
        return new ContactFilter(role, block == null || block.isBlank() ? null : block, inArrears, hasEmail);
    }

    /**
     * The From of the chosen identity: the address itself, or the typed name at the domain. Nothing chosen gives
     * none, which the mailing refuses naming {@code senderAddress}.
     */
    private String senderAddress() {
        if (senderIdentity == null || senderIdentity.isBlank() || senderIdentity.contains("@")) {
            return senderIdentity;
        }
        return senderLocalPart == null || senderLocalPart.isBlank() ? null : senderLocalPart.strip() + "@" + senderIdentity;
    }

    private MergeSource source() {
        return new MergeSource(subject, htmlBody, textBody);
    }

    private <T> T refusals(Supplier<T> work) {
        try {
            return work.get();
        } catch (SerialRefusedException e) {
            e.errors().forEach(SerialBean::error);
        } catch (DirectoryRefusedException e) {
            e.errors().forEach(SerialBean::error);
        }
        return null;
    }

    private static void error(FieldError e) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.field() + ": " + e.message(), null));
    }

    private static void info(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }

    public Long getTemplateId() { return templateId; }
    public void setTemplateId(Long v) { templateId = v; }
    public String getTemplateName() { return templateName; }
    public void setTemplateName(String v) { templateName = v; }
    public boolean isDraft() { return draft; }
    public void setDraft(boolean v) { draft = v; }
    public String getSubject() { return subject; }
    public void setSubject(String v) { subject = v; }
    public String getHtmlBody() { return htmlBody; }
    public void setHtmlBody(String v) { htmlBody = v; }
    public String getTextBody() { return textBody; }
    public void setTextBody(String v) { textBody = v; }
    public String getSenderIdentity() { return senderIdentity; }
    public void setSenderIdentity(String v) { senderIdentity = v; }
    public String getSenderLocalPart() { return senderLocalPart; }
    public void setSenderLocalPart(String v) { senderLocalPart = v; }
    public String getSenderName() { return senderName; }
    public void setSenderName(String v) { senderName = v; }
    public ContactRole getRole() { return role; }
    public void setRole(ContactRole v) { role = v; }
    public String getBlock() { return block; }
    public void setBlock(String v) { block = v; }
    public Boolean getInArrears() { return inArrears; }
    public void setInArrears(Boolean v) { inArrears = v; }
    public Boolean getHasEmail() { return hasEmail; }
    public void setHasEmail(Boolean v) { hasEmail = v; }
    public Long getWorklistId() { return worklistId; }
    public void setWorklistId(Long v) { worklistId = v; }
    public String getWorklistName() { return worklistName; }
    public void setWorklistName(String v) { worklistName = v; }
    public boolean isNewsletterOnly() { return newsletterOnly; }
    public void setNewsletterOnly(boolean v) { newsletterOnly = v; }
    public boolean isActivities() { return activities; }
    public void setActivities(boolean v) { activities = v; }
    public LocalDateTime getSendAt() { return sendAt; }
    public void setSendAt(LocalDateTime v) { sendAt = v; }
    public Long getPreviewContact() { return previewContact; }
    public void setPreviewContact(Long v) { previewContact = v; }
    public MailingCount getCount() { return count; }
    public Preview getPreview() { return preview; }
    public Long getResultsOf() { return resultsOf; }
    public Long getMailing() { return mailing; }
    public void setMailing(Long v) { mailing = v; }
    public int getActiveTab() { return activeTab; }
    public void setActiveTab(int v) { activeTab = v; }
    public List<RecipientResult> getResults() { return results; }
    public List<AttachmentInput> getAttachments() { return attachments; }
    public long getMaxFileBytes() { return AttachmentRules.MAX_FILE_BYTES; }
    public int getMaxFiles() { return AttachmentRules.MAX_FILES; }
    public String getSignatureHtml() { return signatureHtml; }
    public void setSignatureHtml(String v) { signatureHtml = v; }
    public String getSignatureText() { return signatureText; }
    public void setSignatureText(String v) { signatureText = v; }
    public String getIdentity() { return identity; }
    public void setIdentity(String v) { identity = v; }
    public String getIdentityHtml() { return identityHtml; }
    public void setIdentityHtml(String v) { identityHtml = v; }
    public String getIdentityText() { return identityText; }
    public void setIdentityText(String v) { identityText = v; }
}
