package io.distman.dispatch.control;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;

/**
 * The socket factory of every SMTP session (plain and TLS; Jakarta Mail's {@code mail.smtp.socketFactory}
 * and {@code mail.smtp.ssl.socketFactory}): makes the same sockets as Jakarta Mail would by itself (the
 * JVM's default TLS factory, hence its trust store) and notes them for the connection being opened on this
 * thread. Jakarta Mail's own timeouts are per read and per write, so a relay that drips its replies can hold
 * a send for ever; with the sockets at hand, a watchdog can cut the connection when a send's overall deadline
 * passes. The sending thread says which connection it is opening with {@link #track}.
 */
final class ConnectionSockets {

    private static final Logger LOG = Logger.getLogger(ConnectionSockets.class.getName());
    private static final SocketFactory PLAIN = new Plain();
    private static final SSLSocketFactory TLS = new Tls();
    private static final ThreadLocal<List<Socket>> OPENING = new ThreadLocal<>();

    private ConnectionSockets() {
    }

    /** Makes a session's SMTP connections, plain and TLS, with this factory (objects, hence put, not setProperty). */
    static void install(Properties session) {
        session.put("mail.smtp.socketFactory", PLAIN);
        session.put("mail.smtp.socketFactory.fallback", "false"); // never a connection the watchdog cannot see
        session.put("mail.smtp.ssl.socketFactory", TLS);
    }

    /** Collects the sockets made on this thread until {@link #untrack}; returns the (live) list. */
    static List<Socket> track() {
        List<Socket> sockets = new ArrayList<>();
        OPENING.set(sockets);
        return sockets;
    }

    static void untrack() {
        OPENING.remove();
    }

    /** Cuts the connection: a read or write blocked on it fails at once. Safe from any thread. */
    static void cut(List<Socket> sockets) {
        synchronized (sockets) {
            for (Socket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException e) {
                    LOG.log(Level.FINE, "closing an SMTP socket past its deadline", e);
                }
            }
        }
    }

    /** The server's reply read after a write on one of these sockets failed, if there was one. */
    static String salvagedReply(List<Socket> sockets) {
        synchronized (sockets) {
            for (Socket socket : sockets) {
                if (socket instanceof ReplyKeepingSocket keeping && keeping.salvagedReply() != null) {
                    return keeping.salvagedReply();
                }
            }
        }
        return null;
    }

    private static <S extends Socket> S noted(S socket) {
        List<Socket> sockets = OPENING.get();
        if (sockets != null) {
            synchronized (sockets) {
                sockets.add(socket);
            }
        }
        return socket;
    }

    /** Plain connections (and the TCP connection under implicit TLS). */
    private static final class Plain extends SocketFactory {

        /** What Jakarta Mail asks for before connecting; one that keeps the server's last words. */
        @Override
        public Socket createSocket() {
            return noted(new ReplyKeepingSocket());
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return noted(new Socket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return noted(new Socket(host, port, localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return noted(new Socket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
            return noted(new Socket(address, port, localAddress, localPort));
        }
    }

    /** TLS over a connected socket (STARTTLS, and implicit TLS after the plain connect), by the JVM's default. */
    private static final class Tls extends SSLSocketFactory {

        private static SSLSocketFactory jvm() {
            return (SSLSocketFactory) SSLSocketFactory.getDefault();
        }

        @Override
        public Socket createSocket() throws IOException {
            return PLAIN.createSocket();
        }

        @Override
        public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
            return noted(jvm().createSocket(socket, host, port, autoClose));
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return noted(jvm().createSocket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return noted(jvm().createSocket(host, port, localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return noted(jvm().createSocket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
            return noted(jvm().createSocket(address, port, localAddress, localPort));
        }

        @Override
        public String[] getDefaultCipherSuites() {
            return jvm().getDefaultCipherSuites();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return jvm().getSupportedCipherSuites();
        }
    }
}
