package io.distman.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A relay that refuses every recipient at one domain with a "too many" 421 and closes the channel, as a large
 * mailbox provider does when it throttles a sender, and takes the rest. Counts the mail it took.
 */
public final class BusyRelay implements AutoCloseable {

    private final ServerSocket server;
    private final String busyDomain;
    private final AtomicInteger accepted = new AtomicInteger();
    private final Thread thread;

    public BusyRelay(int port, String busyDomain) throws IOException {
        this.server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        this.busyDomain = "@" + busyDomain.toLowerCase(Locale.ROOT) + ">";
        this.thread = new Thread(this::serve, "busy-relay");
        thread.setDaemon(true);
        thread.start();
    }

    public int accepted() {
        return accepted.get();
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                socket.setSoTimeout(10_000);
                converse(new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)),
                        socket.getOutputStream());
            } catch (IOException e) {
                // the client went away, or the relay is closing
            }
        }
    }

    private void converse(BufferedReader in, OutputStream out) throws IOException {
        reply(out, "220 busy.relay ESMTP");
        String line;
        while ((line = in.readLine()) != null) {
            String command = line.toUpperCase(Locale.ROOT);
            if (command.startsWith("EHLO") || command.startsWith("HELO")) {
                reply(out, "250 busy.relay");
            } else if (command.startsWith("RCPT") && command.toLowerCase(Locale.ROOT).contains(busyDomain)) {
                reply(out, "421 4.7.0 Too many messages from your IP, try again later");
                return;
            } else if (command.startsWith("DATA")) {
                reply(out, "354 go ahead");
                while ((line = in.readLine()) != null && !line.equals(".")) {
                    // the message
                }
                accepted.incrementAndGet();
                reply(out, "250 2.0.0 Ok: queued as BUSY" + accepted.get());
            } else if (command.startsWith("QUIT")) {
                reply(out, "221 bye");
                return;
            } else {
                reply(out, "250 ok");
            }
        }
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
