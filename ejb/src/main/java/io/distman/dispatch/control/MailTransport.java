package io.distman.dispatch.control;

import io.distman.dispatch.entity.OutgoingMail;
import io.distman.dispatch.entity.SendResult;
import java.util.ArrayList;
import java.util.List;

/**
 * A connection to an email service provider (an SMTP relay, an HTTP API) that hands over one
 * delivery at a time and reports what happened. It reuses its connection across a block and never
 * writes to the database: the dispatcher records the results.
 */
public interface MailTransport extends AutoCloseable {

    SendResult send(OutgoingMail mail);

    /** Sends a block, one delivery after the other; a transport that can overlap requests does so. @return in order */
    default List<SendResult> sendAll(List<OutgoingMail> mails) {
        List<SendResult> results = new ArrayList<>(mails.size());
        for (OutgoingMail mail : mails) {
            results.add(send(mail));
        }
        return results;
    }

    /** How many deliveries {@link #sendAll} overlaps; the dispatcher hands over this many at a time between its records. */
    default int parallelism() {
        return 1;
    }

    @Override
    void close();
}
