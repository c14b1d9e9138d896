package io.distman.serial.boundary;

import io.distman.serial.entity.RecipientOutcome;
import java.io.Serializable;

/**
 * Fired after commit for each contact a mailing handled (unless the mailing was created with "do not create activity
 * entries"), so the host can write an activity entry on the contact's file. {@code messageId} is null when no message
 * was made (opted out, not for the newsletter).
 */
public record SerialRecipientMailed(long accountId, long mailingId, long contactId, Long messageId,
                                    RecipientOutcome outcome, String subject) implements Serializable {
}
