package io.distman.serial.entity;

import io.distman.directory.entity.ContactFilter;
import io.distman.submission.entity.AttachmentInput;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * A serial mailing to create: a stored template ({@code templateId}) or the text written in Compose
 * ({@code source}); a verified sender; either a {@code filter} or a {@code worklistId}. {@code newsletterOnly}
 * (on unless said otherwise) writes only to contacts whose newsletter field is yes; {@code activities} asks the host
 * for an activity entry per recipient; {@code sendAt} schedules it, whatever the number of recipients.
 */
public record MailingRequest(Long templateId, MergeSource source, String senderAddress, String senderName,
                             ContactFilter filter, Long worklistId, Boolean newsletterOnly, Boolean activities,
                             Instant sendAt, List<AttachmentInput> attachments) implements Serializable {

    public boolean newsletter() {
        return newsletterOnly == null || newsletterOnly;
    }

    public boolean withActivities() {
        return activities == null || activities;
    }
}
