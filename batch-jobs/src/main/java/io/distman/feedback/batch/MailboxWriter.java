package io.distman.feedback.batch;

import io.distman.feedback.boundary.BounceMailbox;
import io.distman.feedback.control.Mailbox;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import java.util.List;

/**
 * Records each message in a transaction of its own and only then marks it taken in the mailbox.
 * If recording fails even as unreadable, the step fails and the message stays for the next run.
 */
@Named
@Dependent
public class MailboxWriter extends AbstractItemWriter {

    @EJB
    BounceMailbox bounces;

    @Override
    public void writeItems(List<Object> items) throws Exception {
        for (Object item : items) {
            Mailbox.Item message = (Mailbox.Item) item;
            bounces.take(message.raw(), message.refusal());
            message.taken();
        }
    }
}
