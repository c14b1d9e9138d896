package io.distman.dispatch.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.dispatch.entity.OutgoingMail;
import io.distman.dispatch.entity.SendOutcome;
import io.distman.dispatch.entity.SendResult;
import jakarta.mail.Session;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SmtpTransport against a scripted SMTP server that misbehaves the way real ones do. */
class SmtpTransportTest {

    private static final byte[] BIG = ("Subject: big\r\n\r\n" + "x".repeat(76) + "\r\n").repeat(60_000)
            .getBytes(StandardCharsets.US_ASCII);

    private ServerSocket server;
    private Thread serverThread;
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor();
    private final AtomicInteger connections = new AtomicInteger();

    /** What the scripted server does once the client has sent a command, given the connection's number. */
    interface Script {
        /** @return false to hang up now, without a reply */
        boolean on(String command, int connection, OutputStream out, BufferedReader in, Socket socket) throws Exception;
    }

    @BeforeEach
    void listen() throws IOException {
        server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        watchdog.shutdownNow();
        if (serverThread != null) {
            serverThread.join(5000);
        }
    }

    private void serve(Script script) {
        serverThread = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket socket = server.accept()) {
                    int connection = connections.incrementAndGet();
                    OutputStream out = socket.getOutputStream();
                    BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
                    reply(out, "220 test ESMTP");
                    String line;
                    while ((line = in.readLine()) != null) {
                        String command = line.toUpperCase().split("[ :]")[0];
                        if (command.equals("QUIT")) {
                            reply(out, "221 bye");
                            break;
                        }
                        if (!script.on(command, connection, out, in, socket)) {
                            break;
                        }
                    }
                } catch (Exception e) {
                    // the client went away, or the server was closed
                }
            }
        });
        serverThread.setDaemon(true);
        serverThread.start();
    }

    /** A well-behaved answer to everything but what a test scripts otherwise. */
    private static boolean normally(String command, OutputStream out, BufferedReader in) throws IOException {
        switch (command) {
            case "EHLO", "HELO", "MAIL", "RCPT", "RSET", "NOOP" -> reply(out, "250 ok");
            case "DATA" -> {
                reply(out, "354 go on");
                String line;
                while ((line = in.readLine()) != null && !line.equals(".")) {
                    // the message
                }
                reply(out, "250 2.0.0 Ok: queued as ABC123");
            }
            default -> reply(out, "502 not implemented");
        }
        return true;
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private SmtpTransport transport(Duration deadline) {
        Properties p = new Properties();
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", String.valueOf(server.getLocalPort()));
        p.put("mail.smtp.connectiontimeout", "5000");
        p.put("mail.smtp.timeout", "10000");
        ConnectionSockets.install(p);
        return new SmtpTransport(Session.getInstance(p), Clock.systemUTC(), watchdog, deadline);
    }

    private static OutgoingMail mail(long id, byte[] mime) {
        return new OutgoingMail(id, 1, "<" + id + "@distman.test>", "bounce@distman.test", "r" + id + "@example.org", mime,
                OutgoingMail.Relay.DEFAULT, "", "transactional", null);
    }

    @Test
    void aRefusalSentBeforeTheEndOfDataIsReadNotLost() {
        serve((command, connection, out, in, socket) -> {
            if (command.equals("DATA")) {
                reply(out, "354 go on");
                in.read(new char[2000]); // a little of the message, then a refusal and a hang-up with the rest unread
                reply(out, "554 5.7.1 Message content rejected");
                return false;
            }
            return normally(command, out, in);
        });
        try (SmtpTransport smtp = transport(Duration.ofSeconds(30))) {
            SendResult result = smtp.send(mail(1, BIG));
            assertEquals(SendOutcome.FAILED, result.outcome(), result.reply());
            assertEquals(554, result.smtpCode(), result.reply());
            assertEquals("5.7.1", result.enhancedCode());
        }
    }

    @Test
    void aHangUpAtRcptIsTemporaryAndTheNextMailGetsAFreshConnection() {
        serve((command, connection, out, in, socket) -> {
            if (command.equals("RCPT") && connection == 1) {
                return false; // no reply at all
            }
            return normally(command, out, in);
        });
        try (SmtpTransport smtp = transport(Duration.ofSeconds(30))) {
            SendResult first = smtp.send(mail(1, "Subject: a\r\n\r\nhi\r\n".getBytes(StandardCharsets.US_ASCII)));
            assertEquals(SendOutcome.TEMPORARY_FAILURE, first.outcome(), first.reply());
            assertNull(first.smtpCode(), "no reply, no code: " + first.reply());
            SendResult second = smtp.send(mail(2, "Subject: b\r\n\r\nhi\r\n".getBytes(StandardCharsets.US_ASCII)));
            assertEquals(SendOutcome.ACCEPTED, second.outcome(), second.reply());
            assertEquals("ABC123", second.providerMessageId());
            assertEquals(2, connections.get());
        }
    }

    @Test
    void aRelayThatStallsPastTheDeadlineIsCutOff() {
        serve((command, connection, out, in, socket) -> {
            if (command.equals("MAIL")) {
                Thread.sleep(3000); // each read would be within Jakarta Mail's 10 s timeout; the whole send is not
            }
            return normally(command, out, in);
        });
        long started = System.nanoTime();
        try (SmtpTransport smtp = transport(Duration.ofMillis(500))) {
            SendResult result = smtp.send(mail(1, "Subject: a\r\n\r\nhi\r\n".getBytes(StandardCharsets.US_ASCII)));
            assertEquals(SendOutcome.TEMPORARY_FAILURE, result.outcome(), result.reply());
            assertTrue(result.reply().contains("within 0 s") || result.reply().contains("did not complete"), result.reply());
        }
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() < 2500, "cut at the deadline, not after the stall");
    }
}
