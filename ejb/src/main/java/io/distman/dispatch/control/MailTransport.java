package io.distman.dispatch.control;

import io.distman.dispatch.entity.OutgoingMail;
import io.distman.dispatch.entity.SendResult;

/**
 * A connection to an email service provider (an SMTP relay, an HTTP API) that hands over one
 * delivery at a time and reports what happened. It reuses its connection across a block and never
 * writes to the database: the dispatcher records the results.
 */
public interface MailTransport extends AutoCloseable {

    SendResult send(OutgoingMail mail);

    @Override
    void close();
}
