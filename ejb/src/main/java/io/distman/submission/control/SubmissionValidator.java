package io.distman.submission.control;

import io.distman.message.entity.Category;
import io.distman.message.boundary.AddressCheck;
import io.distman.message.entity.PostalAddress;
import io.distman.platform.entity.FieldError;
import io.distman.submission.entity.AttachmentInput;
import io.distman.submission.entity.RecipientInput;
import io.distman.submission.entity.SubmitRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds everything malformed in a request, naming each field, before anything is stored. A missing
 * or invalid recipient address is not malformed: it becomes a delivery with status EMAIL_MISSING or
 * REJECTED, so the audit shows it. A line break in an address is malformed, because it can only be
 * an attempt (or a bug) to inject headers.
 */
public final class SubmissionValidator {

    /** Headers we write ourselves; letting callers set them would break threading, bounces or MIME. */
    private static final Set<String> RESERVED_HEADERS = Set.of("from", "to", "cc", "bcc", "subject", "date",
            "message-id", "mime-version", "content-type", "content-transfer-encoding", "content-disposition",
            "return-path", "sender", "reply-to", "received", "dkim-signature", "list-id", "feedback-id", "x-smtpapi",
            "x-msys-api"); // List-Unsubscribe and List-Unsubscribe-Post: see the prefixes
    /**
     * Header families providers read as instructions or echo back in their events (metadata, tags,
     * custom ids), and our own: a caller who set them could make a provider report on another account's
     * delivery, or change how the provider sends. Compared in lower case; see the README for the list.
     */
    private static final List<String> RESERVED_PREFIXES = List.of("x-distman-", "list-unsubscribe", "x-pm-", "x-ses-",
            "x-mailgun-", "x-mc-", "x-mj-", "x-mailjet-", "x-msys-", "x-sg-", "x-mailin-");
    /** RFC 5322 field-name: printable US-ASCII except colon. */
    private static final Pattern HEADER_NAME = Pattern.compile("[\\x21-\\x39\\x3b-\\x7e]{1,76}");
    /** type/subtype with RFC 2045 token characters, optionally followed by parameters. */
    private static final Pattern MIME_TYPE = Pattern.compile(
            "[a-zA-Z0-9][a-zA-Z0-9!#$&^_.+-]{0,63}/[a-zA-Z0-9][a-zA-Z0-9!#$&^_.+-]{0,126}(\\s*;.*)?");
    private static final Duration MAX_SCHEDULE_AHEAD = Duration.ofDays(366);

    private final SubmissionLimits limits;
    private final List<FieldError> errors = new ArrayList<>();

    private SubmissionValidator(SubmissionLimits limits) {
        this.limits = limits;
    }

    public static List<FieldError> check(SubmitRequest request, SubmissionLimits limits, Instant now) {
        SubmissionValidator validator = new SubmissionValidator(limits);
        if (request == null) {
            return List.of(new FieldError("request", "is required"));
        }
        validator.checkRequest(request, now);
        return List.copyOf(validator.errors);
    }

    private void checkRequest(SubmitRequest r, Instant now) {
        requiredLine("account", r.account(), 64);
        requiredLine("raisedBy", r.raisedBy(), 100);
        optionalLine("sourceModule", r.sourceModule(), 50);
        optionalLine("sourceRef", r.sourceRef(), 100);
        optionalLine("idempotencyKey", r.idempotencyKey(), 200);
        if (r.category() == null) {
            error("category", "is required (TRANSACTIONAL, ESSENTIAL or BULK)");
        }
        // A reason on other mail overrides nothing: refused, so a sender who forgot to mark the mail ESSENTIAL notices.
        if (optionalLine("essentialReason", r.essentialReason(), 500) && r.essentialReason() != null
                && !r.essentialReason().isBlank() && r.category() != null && r.category() != Category.ESSENTIAL) {
            error("essentialReason", "is only for ESSENTIAL mail (this one is " + r.category() + ")");
        }
        checkSender(r);
        int recipients = checkRecipients("to", r.to()) + checkRecipients("cc", r.cc()) + checkRecipients("bcc", r.bcc());
        if (recipients == 0) {
            error("to", "at least one recipient (to, cc or bcc) is required");
        } else if (recipients > limits.maxRecipients()) {
            error("to", "too many recipients: " + recipients + " (at most " + limits.maxRecipients() + ")");
        }
        requiredLine("subject", r.subject(), 998);
        checkBodies(r);
        checkAttachments(r.attachments());
        checkHeaders(r.headers());
        if (r.sendAt() != null && r.sendAt().isAfter(now.plus(MAX_SCHEDULE_AHEAD))) {
            error("sendAt", "is more than a year ahead");
        }
    }

    private void checkSender(SubmitRequest r) {
        if (r.sender() == null) {
            error("sender", "is required");
            return;
        }
        if (requiredLine("sender.address", r.sender().address(), 320)) {
            String problem = AddressCheck.problemWith(r.sender().address().strip());
            if (problem != null) {
                error("sender.address", problem);
            }
        }
        optionalLine("sender.name", r.sender().name(), 200);
        if (optionalLine("sender.replyTo", r.sender().replyTo(), 320) && r.sender().replyTo() != null
                && !r.sender().replyTo().isBlank()) {
            String problem = AddressCheck.problemWith(r.sender().replyTo().strip());
            if (problem != null) {
                error("sender.replyTo", problem);
            }
        }
    }

    private int checkRecipients(String list, List<RecipientInput> recipients) {
        if (recipients == null) {
            return 0;
        }
        for (int i = 0; i < recipients.size(); i++) {
            RecipientInput recipient = recipients.get(i);
            String field = list + "[" + i + "]";
            if (recipient == null) {
                error(field, "is null");
                continue;
            }
            // Only the form that could inject headers is an error; a missing or invalid address is a status.
            optionalLine(field + ".address", recipient.address(), 320);
            optionalLine(field + ".name", recipient.name(), 200);
            checkPostalAddress(field + ".postalAddress", recipient.postalAddress());
        }
        return recipients.size();
    }

    /**
     * A postal address is optional, but when given it must make a deliverable envelope: at least one street line
     * and a town, each line short and single (the window holds a few lines), at most three name and street lines.
     */
    private void checkPostalAddress(String field, PostalAddress address) {
        if (address == null) {
            return;
        }
        lines(field + ".nameLines", address.nameLines(), false);
        lines(field + ".streetLines", address.streetLines(), true);
        optionalLine(field + ".postcode", address.postcode(), PostalAddress.MAX_POSTCODE);
        requiredLine(field + ".town", address.town(), PostalAddress.MAX_TOWN);
        optionalLine(field + ".country", address.country(), PostalAddress.MAX_COUNTRY);
    }

    private void lines(String field, List<String> lines, boolean required) {
        long given = lines.stream().filter(l -> l != null && !l.isBlank()).count();
        if (required && given == 0) {
            error(field, "at least one line is required");
        }
        if (lines.size() > PostalAddress.MAX_LINES) {
            error(field, "at most " + PostalAddress.MAX_LINES + " lines");
            return;
        }
        for (int i = 0; i < lines.size(); i++) {
            optionalLine(field + "[" + i + "]", lines.get(i), PostalAddress.MAX_LINE);
        }
    }

    private void checkBodies(SubmitRequest r) {
        boolean html = r.htmlBody() != null && !r.htmlBody().isBlank();
        boolean text = r.textBody() != null && !r.textBody().isBlank();
        if (!html && !text) {
            error("body", "htmlBody or textBody is required");
        }
        body("htmlBody", r.htmlBody());
        body("textBody", r.textBody());
    }

    private void body(String field, String value) {
        if (value == null) {
            return;
        }
        if (value.length() > limits.maxBodyChars()) {
            error(field, "is longer than " + limits.maxBodyChars() + " characters");
        }
        String problem = TextCheck.encodingProblem(value);
        if (problem != null) {
            error(field, problem);
        }
    }

    private void checkAttachments(List<AttachmentInput> attachments) {
        if (attachments == null) {
            return;
        }
        long total = 0;
        for (int i = 0; i < attachments.size(); i++) {
            AttachmentInput a = attachments.get(i);
            String field = "attachments[" + i + "]";
            if (a == null) {
                error(field, "is null");
                continue;
            }
            if (requiredLine(field + ".filename", a.filename(), 255)
                    && (a.filename().contains("/") || a.filename().contains("\\"))) {
                error(field + ".filename", "must be a file name, not a path");
            }
            if (requiredLine(field + ".contentType", a.contentType(), 255) && !MIME_TYPE.matcher(a.contentType()).matches()) {
                error(field + ".contentType", "is not a MIME type such as application/pdf");
            }
            if (a.content() == null || a.content().length == 0) {
                error(field + ".content", "is empty");
            } else if (a.content().length > limits.maxAttachmentBytes()) {
                error(field + ".content", "is " + a.content().length + " bytes, more than the limit of "
                        + limits.maxAttachmentBytes());
            } else {
                total += a.content().length;
            }
        }
        if (total > limits.maxTotalAttachmentBytes()) {
            error("attachments", "total " + total + " bytes, more than the limit of " + limits.maxTotalAttachmentBytes());
        }
    }

    private void checkHeaders(Map<String, String> headers) {
        if (headers == null) {
            return;
        }
        for (Map.Entry<String, String> header : headers.entrySet()) {
            String name = header.getKey();
            String field = "headers[" + name + "]";
            if (name == null || !HEADER_NAME.matcher(name).matches()) {
                error("headers", "header name '" + printable(name) + "' is not a valid field name");
                continue;
            }
            if (isReserved(name)) {
                error(field, "is reserved (set by the Distribution Manager or read by a mail provider) and cannot be given");
                continue;
            }
            requiredLine(field, header.getValue(), 998);
        }
    }

    static boolean isReserved(String headerName) {
        String name = headerName.toLowerCase(Locale.ROOT);
        return RESERVED_HEADERS.contains(name) || RESERVED_PREFIXES.stream().anyMatch(name::startsWith);
    }

    /** A single-line text that must be there. @return true when present, so further checks make sense */
    private boolean requiredLine(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            error(field, "is required");
            return false;
        }
        return line(field, value, max);
    }

    private boolean optionalLine(String field, String value, int max) {
        return value == null || line(field, value, max);
    }

    private boolean line(String field, String value, int max) {
        if (TextCheck.hasLineBreak(value)) {
            error(field, "contains a line break (CR or LF)");
            return false;
        }
        if (TextCheck.hasControl(value)) {
            error(field, "contains a control character");
            return false;
        }
        String problem = TextCheck.encodingProblem(value);
        if (problem != null) {
            error(field, problem);
            return false;
        }
        if (value.length() > max) {
            error(field, "is longer than " + max + " characters");
            return false;
        }
        return true;
    }

    private static String printable(String s) {
        return s == null ? "null" : s.replaceAll("[\\p{Cntrl}]", "?");
    }

    private void error(String field, String message) {
        errors.add(new FieldError(field, message));
    }
}
