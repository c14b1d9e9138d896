package io.distman.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Postfix's {@code smtp-sink} (Debian package postfix, /usr/sbin/smtp-sink; .ci/run installs it) as a
 * real SMTP server that misbehaves on purpose, started from in-container tests with {@link ProcessBuilder}
 * and stopped by {@link #close()}. The fault flags are smtp-sink's own ({@code man smtp-sink}), e.g.
 * <ul>
 * <li>{@code "-r", "RCPT"} soft reject of RCPT TO ({@code 450 4.3.0 Error: command failed});
 * {@code "-f", "RCPT"} hard reject ({@code 500 5.3.0 Error: command failed});</li>
 * <li>{@code "-q", "DATA"} disconnect after DATA; {@code "-Q", "MAIL"} 421 and disconnect after MAIL;</li>
 * <li>{@code "-A"} 550 after the message content; {@code "-w", "5"} wait 5 s before the DATA reply.</li>
 * </ul>
 * Only port 3025 is free for SMTP on the test machines, and {@link TestMailServer} holds it, so the usual
 * call is {@link #replacingTestMailServer(String...)}:
 *
 * <pre>
 * try (SmtpSink sink = SmtpSink.replacingTestMailServer("-f", "RCPT")) {
 *     ... send through mail/distman, expect a 550 ...
 * }   // smtp-sink stopped, GreenMail back (empty)
 * </pre>
 */
public final class SmtpSink implements AutoCloseable {

    public static final String BINARY = "/usr/sbin/smtp-sink";

    private final Process process;
    private final int port;
    private final Path log;
    private final boolean restoreTestMailServer;

    private SmtpSink(Process process, int port, Path log, boolean restoreTestMailServer) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.restoreTestMailServer = restoreTestMailServer;
    }

    /** Stops {@link TestMailServer} and starts smtp-sink on its port; {@link #close()} restarts GreenMail. */
    public static SmtpSink replacingTestMailServer(String... options) {
        TestMailServer.stop();
        try {
            return start(TestMailServer.SMTP_PORT, true, options);
        } catch (RuntimeException | Error e) {
            TestMailServer.start();
            throw e;
        }
    }

    /** Starts smtp-sink on 127.0.0.1:{@code port} with the given options and waits until it accepts connections. */
    public static SmtpSink start(int port, String... options) {
        return start(port, false, options);
    }

    private static SmtpSink start(int port, boolean restoreTestMailServer, String... options) {
        if (!Files.isExecutable(Path.of(BINARY))) {
            throw new IllegalStateException(BINARY + " not found: apt-get install postfix (.ci/run does)");
        }
        List<String> command = new ArrayList<>();
        command.add(BINARY);
        command.addAll(List.of(options));
        if ("root".equals(System.getProperty("user.name"))) {
            // smtp-sink refuses to run with super-user privileges unless told whom to become.
            command.add("-u");
            command.add("nobody");
        }
        command.add("127.0.0.1:" + port);
        command.add("64"); // listen backlog
        try {
            Path log = Files.createTempFile("smtp-sink-" + port + "-", ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            SmtpSink sink = new SmtpSink(process, port, log, restoreTestMailServer);
            LocalServerProcess.awaitListening(process, port, Duration.ofSeconds(5), command.toString(), sink::output);
            return sink;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + command, e);
        }
    }

    public int port() {
        return port;
    }

    /** Where smtp-sink's own output goes (with {@code "-c"} or {@code "-v"} among the options it says more). */
    public Path log() {
        return log;
    }

    public String output() {
        return LocalServerProcess.output(log);
    }

    @Override
    public void close() {
        try {
            LocalServerProcess.stop(process);
        } finally {
            if (restoreTestMailServer) {
                awaitPortFree();
                TestMailServer.start();
            }
        }
    }

    private void awaitPortFree() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                LocalServerProcess.sleep(50);
            } catch (IOException free) {
                return;
            }
        }
    }
}
