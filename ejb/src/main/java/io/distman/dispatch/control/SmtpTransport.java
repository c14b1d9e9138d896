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
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Sends over SMTP with Jakarta Mail, one SMTP transaction per delivery (each has its own envelope
 * sender and Message-ID) on one connection for the whole block. After a refusal or a fault the connection
 * is dropped and the next delivery reconnects (a server that refused may have closed it; one that faulted
 * is in an unknown state); if a connect fails, the rest of the block is a temporary failure.
 * <p>
 * Each connect and each send has an overall deadline besides Jakarta Mail's per-read timeouts: a relay
 * that drips its replies would otherwise hold a delivery past its claim's lease. When it passes, a
 * watchdog cuts the connection and the delivery is a temporary failure. No reply at all (the server
 * hung up) is never a refusal: temporary, whatever stage it happened at.
 */
public class SmtpTransport implements MailTransport {

    private static final Logger LOG = Logger.getLogger(SmtpTransport.class.getName());
    private static final Pattern QUEUE_ID = Pattern.compile("(?i)queued as ([A-Za-z0-9._-]+)");
    static final String PROVIDER = "smtp";

    private final Session session;
    private final Clock clock;
    private final ScheduledExecutorService watchdog;
    private final Duration deadline;
    private Transport transport;
    private List<Socket> sockets = List.of();
    private String connectFailure;

    /** @param deadline the longest one connect or one send may take, however the relay paces its replies */
    public SmtpTransport(Session session, Clock clock, ScheduledExecutorService watchdog, Duration deadline) {
        this.session = session;
        this.clock = clock;
        this.watchdog = watchdog;
        this.deadline = deadline;
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
        AtomicBoolean late = new AtomicBoolean();
        ScheduledFuture<?> guard = guard(late);
        try {
            transport.sendMessage(new PreparedMessage(session, mail),
                    new Address[] {recipient});
            String reply = ((SMTPTransport) transport).getLastServerResponse();
            reply = reply == null ? null : reply.strip();
            return result(mail, SendOutcome.ACCEPTED, SendResult.replyCodeIn(reply), reply, queueId(reply));
        } catch (MessagingException | RuntimeException e) {
            return late.get() ? tooSlow(mail) : failed(mail, e);
        } finally {
            guard.cancel(false);
        }
    }

    private SendResult failed(OutgoingMail mail, Exception e) {
        if (e instanceof SMTPAddressFailedException refusal) {
            return refused(mail, refusal.getReturnCode(), refusal.getMessage());
        }
        if (e instanceof SMTPSendFailedException refusal) {
            return refused(mail, refusal.getReturnCode(), refusal.getMessage());
        }
        // The recipient was refused; the cause carries the server's code.
        if (e instanceof SendFailedException && ((SendFailedException) e).getNextException() instanceof SMTPAddressFailedException refusal) {
            return refused(mail, refusal.getReturnCode(), refusal.getMessage());
        }
        return faulted(mail, e);
    }

    /** Arms the watchdog for one connect or send: past the deadline it cuts the connection's sockets. */
    private ScheduledFuture<?> guard(AtomicBoolean late) {
        List<Socket> watched = sockets;
        return watchdog.schedule(() -> {
            late.set(true);
            ConnectionSockets.cut(watched);
        }, deadline.toMillis(), TimeUnit.MILLISECONDS);
    }

    private SendResult tooSlow(OutgoingMail mail) {
        disconnect();
        String why = "the relay did not complete the transaction within " + deadline.toSeconds() + " s; connection closed";
        stalled(why);
        return result(mail, SendOutcome.TEMPORARY_FAILURE, null, why, null);
    }

    /**
     * A relay that stalls is about the relay, not the recipient: the rest of the block is not tried on it (each
     * would wait out its own deadline, holding the block for minutes) but waits for its retry, as after a failed connect.
     */
    private void stalled(String why) {
        connectFailure = "not tried: the SMTP relay stalled on an earlier mail of this block (" + why + ")";
        LOG.warning(connectFailure + "; the block's mail waits and is retried");
    }

    private SendResult refused(OutgoingMail mail, int code, String reply) {
        // The server may have closed the channel (421 says so); after a refusal its state is not worth trusting.
        disconnect();
        if (code < 200 || code > 599) {
            // Jakarta Mail's -1 "[EOF]": the connection closed with no reply. No reply is no refusal.
            return result(mail, SendOutcome.TEMPORARY_FAILURE, null, "the relay closed the connection without a reply"
                    + (reply == null ? "" : " (" + reply.strip() + ")"), null);
        }
        return result(mail, SendResult.outcomeOf(code), code, reply == null ? String.valueOf(code) : reply.strip(), null);
    }

    private SendResult faulted(OutgoingMail mail, Exception e) {
        LOG.log(Level.FINE, "SMTP fault for delivery " + mail.deliveryId(), e);
        String salvaged = ConnectionSockets.salvagedReply(sockets);
        if (salvaged != null) {
            // The server refused (or went down) before the end of DATA, and said so before closing.
            // A salvaged reply is a complete 4xx/5xx line (ReplyKeepingSocket.lastRefusal): its code is its first three digits.
            return refused(mail, Integer.parseInt(salvaged.substring(0, 3)), salvaged);
        }
        disconnect();
        String reply = describe(e);
        if (timedOut(e)) {
            stalled(reply);
        }
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
        List<Socket> opening = ConnectionSockets.track();
        sockets = opening;
        AtomicBoolean late = new AtomicBoolean();
        ScheduledFuture<?> guard = guard(late);
        try {
            Transport fresh = session.getTransport("smtp");
            fresh.connect();
            transport = fresh;
            return true;
        } catch (MessagingException e) {
            if (late.get()) {
                connectFailure = "cannot send through the SMTP relay: no complete greeting, EHLO and log-in within "
                        + deadline.toSeconds() + " s";
                LOG.warning(connectFailure + "; the block's mail waits and is retried");
                return false;
            }
            String host = session.getProperty("mail.smtp.host");
            String port = session.getProperty("mail.smtp.port");
            connectFailure = "cannot send through the SMTP relay: " + RelayFailures.classify(e, host,
                    port == null ? 25 : Integer.parseInt(port), session.getProperty("mail.smtp.user")).message();
            LOG.warning(connectFailure + "; the block's mail waits and is retried");
            return false;
        } finally {
            guard.cancel(false);
            ConnectionSockets.untrack();
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

    private static boolean timedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.net.SocketTimeoutException) {
                return true;
            }
        }
        return false;
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
