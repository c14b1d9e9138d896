package io.distman.testsupport;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;

/**
 * The SMTP server of the integration tests: a GreenMail on 127.0.0.1:3025 running INSIDE the GlassFish
 * JVM, where the resource {@code mail/distman} sends to. {@link TestMailServerLifecycle} starts it when
 * the test WAR is deployed and stops it at undeploy, so it also receives mail the application sends on
 * its own (timers, batch jobs). In-container tests read what arrived directly:
 *
 * <pre>
 * TestMailServer.purge();
 * ... let the application send ...
 * List&lt;MimeMessage&gt; mails = TestMailServer.awaitMessages(1, Duration.ofSeconds(10));
 * </pre>
 *
 * Static because the GlassFish JVM has one port 3025; all methods are for in-container code only.
 */
public final class TestMailServer {

    public static final String HOST = "127.0.0.1";
    public static final int SMTP_PORT = 3025;

    private static GreenMail greenMail;

    /** Starts GreenMail (SMTP only, no authentication) unless it runs; fails if the port is taken. */
    public static synchronized void start() {
        if (greenMail != null) {
            return;
        }
        ServerSetup smtp = new ServerSetup(SMTP_PORT, HOST, ServerSetup.PROTOCOL_SMTP);
        smtp.setServerStartupTimeout(5000);
        GreenMail server = new GreenMail(smtp).withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        try {
            server.start();
        } catch (RuntimeException e) {
            throw new IllegalStateException("GreenMail could not listen on " + HOST + ":" + SMTP_PORT
                    + " (is the run profile's GreenMail still up? mvn -Pstop validate)", e);
        }
        greenMail = server;
    }

    /** Stops GreenMail, e.g. to put an {@link SmtpSink} on the port; {@link #start()} brings it back empty. */
    public static synchronized void stop() {
        if (greenMail != null) {
            greenMail.stop();
            greenMail = null;
        }
    }

    public static synchronized boolean isRunning() {
        return greenMail != null;
    }

    /** The GreenMail itself, for anything this class doesn't offer (users, mailboxes, IMAP-less reads). */
    public static synchronized GreenMail greenMail() {
        if (greenMail == null) {
            throw new IllegalStateException("TestMailServer is not running");
        }
        return greenMail;
    }

    /** Every message received since the start or the last {@link #purge()}, oldest first. */
    public static List<MimeMessage> received() {
        return List.of(greenMail().getReceivedMessages());
    }

    /**
     * Waits until at least {@code count} messages have arrived in all, and returns all of them.
     * Fails (AssertionError) with the number received if they do not arrive in time.
     */
    public static List<MimeMessage> awaitMessages(int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<MimeMessage> messages = received();
            if (messages.size() >= count) {
                return messages;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected " + count + " mails on " + HOST + ":" + SMTP_PORT + " within "
                        + timeout + ", received " + messages.size());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    /** Forgets all received messages (call at the start of each test). */
    public static void purge() {
        try {
            greenMail().purgeEmailFromAllMailboxes();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Purges and, if it was stopped (e.g. by a test that failed while an SmtpSink held the port), restarts it. */
    public static synchronized void reset() {
        start();
        purge();
    }

    private TestMailServer() {
    }
}
