package io.distman.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Waiting for, and stopping, a test server run as a process of its own on a loopback port (SmtpSink, StartTlsRelay). */
final class LocalServerProcess {

    private LocalServerProcess() {
    }

    /**
     * Returns once 127.0.0.1:{@code port} accepts a connection; stops the process and throws if it ends first or
     * {@code timeout} passes, with {@code output} (the process's own words) in the message.
     */
    static void awaitListening(Process process, int port, Duration timeout, String name, Supplier<String> output) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ": " + output.get());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                sleep(50);
            }
        }
        stop(process);
        throw new IllegalStateException(name + " did not listen on port " + port + " within " + timeout.toSeconds() + " s: "
                + output.get());
    }

    /** Asks the process to end, and kills it if it has not within 5 s. */
    static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The text a server wrote to its log file, for a failure message. */
    static String output(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
