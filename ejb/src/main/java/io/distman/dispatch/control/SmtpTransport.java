package io.distman.dispatch.control;

import io.distman.dispatch.entity.OutgoingMail;
import io.distman.dispatch.entity.SendOutcome;
import io.distman.dispatch.entity.SendResult;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Sends over SMTP with Jakarta Mail, one SMTP transaction per delivery (each has its own envelope
 * sender and Message-ID) on one connection for the whole block. After a connection fault the next
 * delivery reconnects once; if that fails too, the rest of the block is a temporary failure.
 */
public class SmtpTransport implements MailTransport {

    private static final Logger LOG = Logger.getLogger(SmtpTransport.class.getName());
    private static final Pattern QUEUE_ID = Pattern.compile("(?i)queued as ([A-Za-z0-9._-]+)");
    static final String PROVIDER = "smtp";

    private final Session session;
    private final Clock clock;
    private Transport transport;
    private String connectFailure;

    public SmtpTransport(Session session, Clock clock) {
        this.session = session;
        this.clock = clock;
    }

    @Override
    public SendResult send(OutgoingMail mail) {
        InternetAddress recipient;
        try {
            recipient = new InternetAddress(mail.recipient(), false);
        } catch (AddressException e) {
            return result(mail, SendOutcome.REJECTED, null, "address cannot be used in SMTP: " + e.getMessage(), null);
        }
        if (!connected()) {
            // About the relay, not this recipient: no reply code of the relay's may condemn the address.
            return new SendResult(mail.deliveryId(), SendOutcome.TEMPORARY_FAILURE, null, null, connectFailure, PROVIDER,
                    null, clock.instant());
        }
        try {
            transport.sendMessage(new PreparedMessage(session, mail),
                    new Address[] {recipient});
            String reply = ((SMTPTransport) transport).getLastServerResponse();
            reply = reply == null ? null : reply.strip();
            return result(mail, SendOutcome.ACCEPTED, SendResult.replyCodeIn(reply), reply, queueId(reply));
        } catch (SMTPAddressFailedException e) {
            return refused(mail, e.getReturnCode(), e.getMessage());
        } catch (SMTPSendFailedException e) {
            return refused(mail, e.getReturnCode(), e.getMessage());
        } catch (SendFailedException e) {
            // The recipient was refused; the cause carries the server's code.
            if (e.getNextException() instanceof SMTPAddressFailedException failed) {
                return refused(mail, failed.getReturnCode(), failed.getMessage());
            }
            return faulted(mail, e);
        } catch (MessagingException | RuntimeException e) {
            return faulted(mail, e);
        }
    }

    private SendResult refused(OutgoingMail mail, int code, String reply) {
        if (code == 421) {
            disconnect(); // 421: the server is closing the channel
        }
        return result(mail, SendResult.outcomeOf(code), code, reply == null ? String.valueOf(code) : reply.strip(), null);
    }

    private SendResult faulted(OutgoingMail mail, Exception e) {
        LOG.log(Level.FINE, "SMTP fault for delivery " + mail.deliveryId(), e);
        disconnect();
        String reply = describe(e);
        Integer code = SendResult.replyCodeIn(reply);
        return result(mail, SendResult.outcomeOf(code), code, reply, null);
    }

    /**
     * Connects on first use. {@code transport} is dropped on any fault, so a later delivery of the
     * block reconnects; a failed connect ends the block's attempts (no point hammering a server that
     * is down). The flag is ours: SMTPTransport.isConnected() would cost a NOOP round trip per mail.
     */
    private boolean connected() {
        if (transport != null) {
            return true;
        }
        if (connectFailure != null) {
            return false;
        }
        try {
            Transport fresh = session.getTransport("smtp");
            fresh.connect();
            transport = fresh;
            return true;
        } catch (MessagingException e) {
            String host = session.getProperty("mail.smtp.host");
            String port = session.getProperty("mail.smtp.port");
            connectFailure = "cannot send through the SMTP relay: " + RelayFailures.classify(e, host,
                    port == null ? 25 : Integer.parseInt(port), session.getProperty("mail.smtp.user")).message();
            LOG.warning(connectFailure + "; the block's mail waits and is retried");
            return false;
        }
    }

    private void disconnect() {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException e) {
                LOG.log(Level.FINE, "closing a broken SMTP connection", e);
            }
            transport = null;
        }
    }

    private SendResult result(OutgoingMail mail, SendOutcome outcome, Integer code, String reply, String providerId) {
        return new SendResult(mail.deliveryId(), outcome, code, SendResult.enhancedCodeIn(reply), reply, PROVIDER,
                providerId, clock.instant());
    }

    private static String queueId(String reply) {
        if (reply == null) {
            return null;
        }
        Matcher m = QUEUE_ID.matcher(reply);
        return m.find() ? m.group(1) : null;
    }

    static String describe(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null && text.length() < 1000; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && text.indexOf(t.getMessage()) < 0) {
                if (text.length() > 0) {
                    text.append(": ");
                }
                text.append(t.getMessage().strip());
            }
        }
        return text.length() == 0 ? e.getClass().getSimpleName() : text.toString();
    }

    @Override
    public void close() {
        disconnect();
    }
}
