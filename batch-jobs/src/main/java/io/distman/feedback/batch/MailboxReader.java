package io.distman.feedback.batch;

import io.distman.feedback.control.Mailbox;
import io.distman.feedback.control.MailboxSettings;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Opens the bounce mailbox for the run and hands out its waiting messages ({@link Mailbox.Item}) one
 * by one; closing it at the end of the step expunges what the writer marked.
 */
@Named
@Dependent
public class MailboxReader extends AbstractItemReader {

    private static final Logger LOG = Logger.getLogger(MailboxReader.class.getName());

    private Mailbox mailbox;

    @Override
    public void open(Serializable checkpoint) throws Exception {
        Optional<MailboxSettings> settings = MailboxSettings.current();
        if (settings.isPresent()) {
            mailbox = Mailbox.open(settings.get());
            LOG.fine(() -> mailbox.waiting() + " message(s) waiting in " + settings.get());
        }
    }

    @Override
    public Object readItem() throws Exception {
        return mailbox == null ? null : mailbox.next(); // null ends the step
    }

    @Override
    public void close() throws Exception {
        if (mailbox != null) {
            mailbox.close();
            mailbox = null;
        }
    }
}
