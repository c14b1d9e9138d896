package io.distman.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A DNS server on a loopback UDP port (in-container) that answers TXT questions from records the test
 * publishes, NXDOMAIN for every other name: the application's real DNS client (JNDI's) asks it over the
 * wire, pointed at it by {@code distman.dns.server}. Only what the tests need of RFC 1035: one question,
 * TXT answers, no recursion, no TCP (answers are kept under 512 bytes).
 */
public final class TestDnsServer implements AutoCloseable {

    private static final int TXT = 16;
    private static final int IN = 1;

    private final DatagramSocket socket;
    private final Map<String, List<String>> txt = new ConcurrentHashMap<>();
    private final List<String> asked = new CopyOnWriteArrayList<>();
    private final Thread thread;

    private TestDnsServer() throws SocketException {
        socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        thread = new Thread(this::serve, "test-dns-" + socket.getLocalPort());
        thread.setDaemon(true);
        thread.start();
    }

    /** Starts a server and points the application's DNS look-ups at it until {@link #close()}. */
    public static TestDnsServer start() {
        try {
            TestDnsServer server = new TestDnsServer();
            System.setProperty("distman.dns.server", "127.0.0.1:" + server.socket.getLocalPort());
            System.setProperty("distman.dns.timeout", "PT2S");
            return server;
        } catch (SocketException e) {
            throw new IllegalStateException("cannot open a UDP port for the test DNS server", e);
        }
    }

    /** Publishes (replaces) the TXT records at {@code name}. */
    public void publishTxt(String name, String... values) {
        txt.put(key(name), List.of(values));
    }

    public void remove(String name) {
        txt.remove(key(name));
    }

    /** The names asked for, in order: shows the application really asked. */
    public List<String> asked() {
        return List.copyOf(asked);
    }

    private static String key(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
    }

    private void serve() {
        byte[] buffer = new byte[512];
        while (!socket.isClosed()) {
            DatagramPacket query = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(query);
                byte[] answer = answer(ByteBuffer.wrap(query.getData(), 0, query.getLength()));
                socket.send(new DatagramPacket(answer, answer.length, query.getSocketAddress()));
            } catch (IOException | RuntimeException e) {
                if (socket.isClosed()) {
                    return;
                }
            }
        }
    }

    private byte[] answer(ByteBuffer in) {
        int id = in.getShort() & 0xffff;
        in.position(12); // flags and counts: one question is all a resolver asks
        int questionStart = in.position();
        StringBuilder name = new StringBuilder();
        for (int length = in.get() & 0xff; length > 0; length = in.get() & 0xff) {
            byte[] label = new byte[length];
            in.get(label);
            name.append(name.length() == 0 ? "" : ".").append(new String(label, StandardCharsets.US_ASCII));
        }
        int type = in.getShort() & 0xffff;
        in.getShort(); // class
        byte[] question = new byte[in.position() - questionStart];
        in.position(questionStart);
        in.get(question);
        asked.add(key(name.toString()));

        List<String> records = txt.get(key(name.toString()));
        List<String> answers = records != null && type == TXT ? records : List.of();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer header = ByteBuffer.allocate(12);
        header.putShort((short) id);
        header.putShort((short) (0x8400 | (records == null ? 3 : 0))); // response, authoritative; NXDOMAIN when unknown
        header.putShort((short) 1).putShort((short) answers.size()).putShort((short) 0).putShort((short) 0);
        out.writeBytes(header.array());
        out.writeBytes(question);
        for (String value : answers) {
            byte[] text = value.getBytes(StandardCharsets.US_ASCII);
            ByteArrayOutputStream rdata = new ByteArrayOutputStream();
            for (int start = 0; start < text.length || start == 0; start += 255) {
                int length = Math.min(255, text.length - start);
                rdata.write(length);
                rdata.write(text, start, length);
                if (text.length == 0) {
                    break;
                }
            }
            ByteBuffer record = ByteBuffer.allocate(12);
            record.putShort((short) 0xc00c).putShort((short) TXT).putShort((short) IN).putInt(60)
                    .putShort((short) rdata.size());
            out.writeBytes(record.array());
            out.writeBytes(rdata.toByteArray());
        }
        return out.toByteArray();
    }

    @Override
    public void close() {
        System.clearProperty("distman.dns.server");
        System.clearProperty("distman.dns.timeout");
        socket.close();
    }
}
