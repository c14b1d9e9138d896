package io.distman.serial.entity;

import java.io.Serializable;
import java.time.Instant;
import java.util.Map;

/**
 * A mailing as its screen and REST show it: the contacts handled so far ({@code total}) and what their deliveries are
 * now: queued (waiting, scheduled, being sent, retrying), sent (handed over), delivered (or opened, clicked), failed
 * (failed, rejected, complained), and {@code notSent} (no address, suppressed, opted out, cancelled, not for the
 * newsletter). {@code outcomes} counts the contacts by what the mailing did for them.
 */
public record MailingProgress(long id, String subject, MailingStatus status, Instant createdAt, String createdBy,
                              Instant sendAt, int total, int queued, int sent, int delivered, int failed, int notSent,
                              Map<RecipientOutcome, Integer> outcomes) implements Serializable {

    /** Done: nothing of it is waiting any more. */
    public boolean finished() {
        return status != MailingStatus.CREATING && queued == 0;
    }
}
