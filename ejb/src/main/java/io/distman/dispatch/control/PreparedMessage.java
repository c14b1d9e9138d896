package io.distman.dispatch.control;

import io.distman.dispatch.entity.OutgoingMail;
import io.distman.dispatch.entity.RenderedMime;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.io.IOException;
import java.io.OutputStream;
import org.eclipse.angus.mail.smtp.SMTPMessage;

/**
 * One delivery's copy of a message rendered once for all its recipients: writes its own Message-ID
 * (and any other header of its own, such as its List-Unsubscribe) followed by the shared bytes, so sending a block costs no re-parsing or re-encoding per
 * recipient. Extends SMTPMessage for the per-delivery envelope sender (the VERP return path).
 */
final class PreparedMessage extends SMTPMessage {

    private final byte[] messageIdLine;
    private final RenderedMime rendered;

    PreparedMessage(Session session, OutgoingMail mail) {
        super(session);
        this.messageIdLine = mail.ownHeaderBytes();
        this.rendered = mail.mime();
        setEnvelopeFrom(mail.envelopeFrom());
    }

    @Override
    public void writeTo(OutputStream out, String[] ignoreList) throws IOException {
        out.write(messageIdLine);
        rendered.writeTo(out); // piece by piece: a shared attachment is never copied per recipient
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        writeTo(out, null);
    }

    @Override
    public int getSize() {
        return (int) Math.min(Integer.MAX_VALUE, messageIdLine.length + rendered.length());
    }

    @Override
    public void saveChanges() throws MessagingException {
        // Already rendered: nothing to update.
    }
}
